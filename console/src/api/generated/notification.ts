// Generated from contracts/openapi/notification.json by console/scripts/generate-api.mjs.
// Do not edit: run `npm run generate` in console/ after the document changes.
export interface paths {
    "/admin/consumers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Consumers
         * @description The service's consumers: topics and how many events each applied.
         */
        get: operations["consumers_admin_consumers_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/projections/{name}/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rebuild
         * @description Empty one projection and replay it from the beginning of its topics (202).
         */
        post: operations["rebuild_admin_projections__name__rebuild_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Events
         * @description Events in position order, a page at a time; filters combine.
         */
        get: operations["events_audit_events_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/streams/{stream_id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify One
         * @description The hash-chain check of one stream (see `rangkui-audit verify` for all of them).
         */
        get: operations["verify_one_audit_streams__stream_id__verify_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Delivery Log
         * @description Every delivery (inbox, e-mail, webhook) with its status; filters combine.
         */
        get: operations["delivery_log_deliveries_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries/{notification_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Delivery Detail
         * @description One delivery with every attempt, its outcome and error.
         */
        get: operations["delivery_detail_deliveries__notification_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries/{notification_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry
         * @description Operator: deliver a failed or in-doubt notice again, with a fresh retry budget.
         */
        post: operations["retry_deliveries__notification_id__retry_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Healthz
         * @description Liveness: the process answers (needs no dependency).
         */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inbox/{recipient}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Inbox
         * @description The recipient's notices, newest first (a NIP, or a role mailbox such as BKD).
         */
        get: operations["list_inbox_inbox__recipient__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inbox/{recipient}/{notification_id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read Notice
         * @description Mark a notice read (idempotent): records `NotificationRead`, which updates the inbox.
         */
        post: operations["read_notice_inbox__recipient___notification_id__read_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inbox/{recipient}/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Unread Count
         * @description How many of the recipient's notices are unread (the console's badge).
         */
        get: operations["unread_count_inbox__recipient__unread_count_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/preferences/{recipient}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Preferences
         * @description The recipient's channels besides the inbox (read your writes: `min_version`).
         */
        get: operations["get_preferences_preferences__recipient__get"];
        /**
         * Put Preferences
         * @description Choose the channels besides the inbox (applies to notices composed from now on); the
         *     `ETag` is the version of the recipient's preferences once set.
         */
        put: operations["put_preferences_preferences__recipient__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readyz
         * @description Readiness: every dependency (PostgreSQL, Kafka) answers, each check's result.
         */
        get: operations["readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Templates
         * @description The notice templates and the event type each one tells about.
         */
        get: operations["list_templates_templates_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/templates/{template}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview Template
         * @description Render a template for a sample event (or the event given in `data`), per recipient.
         */
        post: operations["preview_template_templates__template__preview_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Subscriptions
         * @description Subscriptions with their health: last success, failures in a row, last error. An
         *     integration client sees only those it created.
         */
        get: operations["list_subscriptions_webhooks_subscriptions_get"];
        put?: never;
        /**
         * Subscribe
         * @description Subscribe a URL to mutation and evaluation events; deliveries are signed CloudEvents.
         */
        post: operations["subscribe_webhooks_subscriptions_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/subscriptions/{subscription_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Subscription
         * @description One subscription with its health (read your writes: `min_version`); an integration
         *     client sees only one it created.
         */
        get: operations["get_subscription_webhooks_subscriptions__subscription_id__get"];
        put?: never;
        post?: never;
        /**
         * Unsubscribe
         * @description End a webhook subscription (WebhookUnsubscribed); no delivery is made after. An
         *     integration client may end only one it created.
         */
        delete: operations["unsubscribe_webhooks_subscriptions__subscription_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** Attempt */
        Attempt: {
            /** Attempt */
            attempt: number;
            /** Error */
            error?: string | null;
            /** Finished At */
            finished_at?: string | null;
            /** Outcome */
            outcome: string;
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
        };
        /** AuditEvent */
        AuditEvent: {
            /** Actor */
            actor: string | null;
            /** Causation Id */
            causation_id: string | null;
            /** Correlation Id */
            correlation_id: string | null;
            /** Data */
            data: {
                [key: string]: unknown;
            };
            /** Event Id */
            event_id: string;
            /** Hash */
            hash: string;
            /**
             * Masked
             * @description dotted paths of personal fields this (older) event holds in plaintext, shown as null: an audit follows decisions, not personal data
             */
            masked?: string[];
            /** Position */
            position: number;
            /** Prev Hash */
            prev_hash: string | null;
            /**
             * Recorded At
             * Format: date-time
             */
            recorded_at: string;
            /** Source */
            source: string | null;
            /** Stream Id */
            stream_id: string;
            /** Type */
            type: string;
            /** Version */
            version: number;
        };
        /** AuditEventsPage */
        AuditEventsPage: {
            /** Events */
            events: components["schemas"]["AuditEvent"][];
            /** Next After */
            next_after: number | null;
        };
        /** ChainProblem */
        ChainProblem: {
            /** Detail */
            detail: string;
            /** Kind */
            kind: string;
            /** Position */
            position: number | null;
            /** Stream Id */
            stream_id: string;
            /** Version */
            version: number | null;
        };
        /** Delivery */
        Delivery: {
            /** Address */
            address?: string | null;
            /** Attempts */
            attempts: number;
            /** Channel */
            channel: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Last Error */
            last_error?: string | null;
            /** Next Attempt At */
            next_attempt_at?: string | null;
            /** Notification Id */
            notification_id: string;
            /** Recipient */
            recipient: string;
            /** Source Event Id */
            source_event_id: string;
            /** Source Event Type */
            source_event_type: string;
            /** Status */
            status: string;
            /** Subscription Id */
            subscription_id?: string | null;
            /** Template */
            template: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** DeliveryDetail */
        DeliveryDetail: {
            /** Address */
            address?: string | null;
            /** Attempt Log */
            attempt_log: components["schemas"]["Attempt"][];
            /** Attempts */
            attempts: number;
            /** Channel */
            channel: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Last Error */
            last_error?: string | null;
            /** Next Attempt At */
            next_attempt_at?: string | null;
            /** Notification Id */
            notification_id: string;
            /** Recipient */
            recipient: string;
            /** Source Event Id */
            source_event_id: string;
            /** Source Event Type */
            source_event_type: string;
            /** Status */
            status: string;
            /** Subscription Id */
            subscription_id?: string | null;
            /** Template */
            template: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * FieldProblem
         * @description One invalid field of a request that failed validation.
         */
        FieldProblem: {
            /**
             * Field
             * @description where: a dotted path, e.g. query.nip or items.0.name
             */
            field: string;
            /** Message */
            message: string;
        };
        /** InboxNotice */
        InboxNotice: {
            /** Body */
            body: string;
            /**
             * Dispatched At
             * Format: date-time
             */
            dispatched_at: string;
            /** Notification Id */
            notification_id: string;
            /** Read */
            read: boolean;
            /** Read At */
            read_at?: string | null;
            /** Recipient */
            recipient: string;
            /** Source Event Id */
            source_event_id: string;
            /** Source Event Type */
            source_event_type: string;
            /** Subject */
            subject: string;
            /** Template */
            template: string;
        };
        /** MarkedRead */
        MarkedRead: {
            /** Changed */
            changed: boolean;
            /** Notification Id */
            notification_id: string;
            /**
             * Read
             * @default true
             */
            read: boolean;
        };
        /**
         * Preferences
         * @description Channels besides the inbox, which always gets a copy.
         */
        Preferences: {
            /**
             * Email
             * @default true
             */
            email: boolean;
        };
        /**
         * PreviewRequest
         * @description Leave `data` out to use the built-in sample event; `role` picks one recipient role.
         */
        PreviewRequest: {
            /** Data */
            data?: {
                [key: string]: unknown;
            } | null;
            /** Role */
            role?: ("employee" | "head_of_origin" | "head_of_target" | "evaluator" | "bkd" | "ppk" | "tpk" | "subscriber") | null;
        };
        /**
         * Problem
         * @description An error answer (RFC 9457 problem details, `application/problem+json`).
         */
        Problem: {
            /**
             * Correlation Id
             * @description the X-Correlation-ID of the request, for support
             * @default null
             */
            correlation_id: string | null;
            /**
             * Detail
             * @description what went wrong here, for a person
             */
            detail: string;
            /**
             * Details
             * @default null
             */
            details: {
                [key: string]: unknown;
            } | null;
            /**
             * Error
             * @description stable error code, e.g. rule_violated, not_found
             */
            error: string;
            /**
             * Instance
             * @description the request path this problem occurred on
             */
            instance: string;
            /**
             * Legal Basis
             * @default null
             */
            legal_basis: string | null;
            /**
             * Message
             * @description same as detail (kept for existing clients)
             */
            message: string;
            /**
             * Message En
             * @description the English text, for operators
             * @default null
             */
            message_en: string | null;
            /**
             * Problems
             * @description every invalid field (validation errors)
             * @default null
             */
            problems: components["schemas"]["FieldProblem"][] | null;
            /**
             * Rule
             * @description the first rule that refused it
             * @default null
             */
            rule: string | null;
            /**
             * Status
             * @description the HTTP status code
             */
            status: number;
            /**
             * Title
             * @description a short summary of the kind of problem, for a person
             */
            title: string;
            /**
             * Type
             * @description the kind of problem, a URI
             * @example urn:rangkui:problem:not_found
             */
            type: string;
            /**
             * Violations
             * @description every rule that refused the request
             * @default null
             */
            violations: components["schemas"]["ViolationBody"][] | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * Readiness
         * @description What `/readyz` answers: ready or not, each dependency's check (a short category,
         *     never an error's text) and each background loop's state.
         */
        Readiness: {
            /** Checks */
            checks: {
                [key: string]: string;
            };
            /**
             * Status
             * @enum {string}
             */
            status: "ready" | "not_ready";
            /**
             * Workers
             * @default {}
             */
            workers: {
                [key: string]: string;
            };
        };
        /** RenderedNotice */
        RenderedNotice: {
            /** Body */
            body: string;
            /** Event Type */
            event_type: string;
            /** Recipient */
            recipient: string;
            /** Role */
            role: string;
            /** Subject */
            subject: string;
        };
        /** RetryAccepted */
        RetryAccepted: {
            /** Notification Id */
            notification_id: string;
            /**
             * Status
             * @default PENDING
             */
            status: string;
        };
        /** StreamVerification */
        StreamVerification: {
            /** Events */
            events: number;
            /** Ok */
            ok: boolean;
            /** Problems */
            problems: components["schemas"]["ChainProblem"][];
            /** Stream Id */
            stream_id: string;
        };
        /** Subscribed */
        Subscribed: {
            /** Event Types */
            event_types: string[];
            /**
             * Secret
             * @description HMAC-SHA256 key of the signatures; shown only once
             */
            secret: string;
            /**
             * Signature Header
             * @default X-Rangkui-Signature
             */
            signature_header: string;
            /** Subscription Id */
            subscription_id: string;
            /**
             * Timestamp Header
             * @default X-Rangkui-Timestamp
             */
            timestamp_header: string;
            /** Url */
            url: string;
        };
        /** SubscribeRequest */
        SubscribeRequest: {
            /**
             * Description
             * @default
             */
            description: string;
            /**
             * Event Types
             * @description CloudEvents types, or prefixes ending in '*' (e.g. 'rangkui.mutation.*')
             */
            event_types: string[];
            /**
             * Url
             * Format: uri
             */
            url: string;
        };
        /** Subscription */
        Subscription: {
            /** Active */
            active: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** Event Types */
            event_types: string[];
            /** Failures In Row */
            failures_in_row: number;
            /** Last Error */
            last_error?: string | null;
            /** Last Failure At */
            last_failure_at?: string | null;
            /** Last Success At */
            last_success_at?: string | null;
            /** Subscription Id */
            subscription_id: string;
            /** Url */
            url: string;
        };
        /** TemplateInfo */
        TemplateInfo: {
            /** Event Type */
            event_type: string;
            /** Template */
            template: string;
        };
        /** UnreadCount */
        UnreadCount: {
            /** Recipient */
            recipient: string;
            /** Unread */
            unread: number;
        };
        /**
         * ViolationBody
         * @description One rule that refuses the request.
         */
        ViolationBody: {
            /**
             * Details
             * @description the figures behind it
             * @default null
             */
            details: {
                [key: string]: unknown;
            } | null;
            /**
             * Legal Basis
             * @default null
             * @example PP 11/2017 Pasal 190
             */
            legal_basis: string | null;
            /**
             * Message
             * @description for a person (Bahasa Indonesia where available)
             */
            message: string;
            /**
             * Message En
             * @description the English text, for operators
             * @default null
             */
            message_en: string | null;
            /**
             * Rule
             * @description stable rule id, e.g. min_years_in_post
             */
            rule: string;
        };
    };
    responses: {
        /** @description The request cannot be read: an unreadable Content-Length, or a NUL character. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The current state does not allow it: it exists already, moved on, or changed since it was read (retry on fresh state). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller's roles or scope do not allow this request. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is malformed, or a rule refuses it; `violations` lists every rule. */
        Invalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description It names something that does not exist (or is not yet in the read model). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request body exceeds the limit of this endpoint. */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No valid bearer token: authenticate with the identity provider. */
        Unauthenticated: {
            headers: {
                /** @description the Bearer challenge (RFC 6750) */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A dependency (PostgreSQL, Kafka) is unreachable, or the read model has not yet reached the asked version: retry after `Retry-After` seconds. */
        Unavailable: {
            headers: {
                /** @description seconds to wait before retrying */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    consumers_admin_consumers_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    }[];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    rebuild_admin_projections__name__rebuild_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    events_audit_events_get: {
        parameters: {
            query?: {
                /** @description who took the decision */
                actor?: string | null;
                /** @description the previous page's next_after */
                after?: number;
                /** @description CloudEvents type, e.g. rangkui.x.Y.v1 */
                event_type?: string | null;
                /** @description recorded at or after (no offset: UTC) */
                from?: string | null;
                limit?: number;
                /** @description every event of this transfer */
                mutation_id?: string | null;
                /** @description every event of every stream naming this NIP */
                nip?: string | null;
                stream_id?: string | null;
                /** @description recorded before (no offset: UTC) */
                to?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventsPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    verify_one_audit_streams__stream_id__verify_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                stream_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamVerification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    delivery_log_deliveries_get: {
        parameters: {
            query?: {
                channel?: ("INBOX" | "EMAIL" | "WEBHOOK") | null;
                limit?: number;
                offset?: number;
                recipient?: string | null;
                source_event_id?: string | null;
                status?: string | null;
                subscription_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    delivery_detail_deliveries__notification_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notification_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    retry_deliveries__notification_id__retry_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notification_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetryAccepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
            503: components["responses"]["Unavailable"];
        };
    };
    list_inbox_inbox__recipient__get: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                unread_only?: boolean;
            };
            header?: never;
            path: {
                recipient: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxNotice"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    read_notice_inbox__recipient___notification_id__read_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notification_id: string;
                recipient: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedRead"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    unread_count_inbox__recipient__unread_count_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                recipient: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    get_preferences_preferences__recipient__get: {
        parameters: {
            query?: {
                /** @description Read your own write: wait (at most 5 s) until the read model holds at least this version of the record, the `version` (or `ETag`) a command answered; 503 with Retry-After if it does not by then. */
                min_version?: number | null;
            };
            header?: never;
            path: {
                recipient: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    put_preferences_preferences__recipient__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                recipient: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Preferences"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description a dependency does not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    list_templates_templates_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateInfo"][];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    preview_template_templates__template__preview_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                template: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PreviewRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenderedNotice"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    list_subscriptions_webhooks_subscriptions_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"][];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    subscribe_webhooks_subscriptions_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscribeRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscribed"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    get_subscription_webhooks_subscriptions__subscription_id__get: {
        parameters: {
            query?: {
                /** @description Read your own write: wait (at most 5 s) until the read model holds at least this version of the record, the `version` (or `ETag`) a command answered; 503 with Retry-After if it does not by then. */
                min_version?: number | null;
            };
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    unsubscribe_webhooks_subscriptions__subscription_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
}
