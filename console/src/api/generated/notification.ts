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
        /** Consumers */
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
        /** Rebuild */
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
        /** Delivery Detail */
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
        /** Healthz */
        get: operations["healthz_healthz_get"];
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
        /** Unread Count */
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
        /** Get Preferences */
        get: operations["get_preferences_preferences__recipient__get"];
        /**
         * Put Preferences
         * @description Choose the channels besides the inbox (applies to notices composed from now on).
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
        /** Readyz */
        get: operations["readyz_readyz_get"];
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
         * @description Subscriptions with their health: last success, failures in a row, last error.
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
        /** Get Subscription */
        get: operations["get_subscription_webhooks_subscriptions__subscription_id__get"];
        put?: never;
        post?: never;
        /** Unsubscribe */
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
        /** HTTPValidationError */
        HTTPValidationError: {
            /** Detail */
            detail?: components["schemas"]["ValidationError"][];
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
            role?: ("employee" | "head_of_origin" | "head_of_target" | "evaluator" | "bkd" | "ppk" | "subscriber") | null;
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
        /** ValidationError */
        ValidationError: {
            /** Context */
            ctx?: Record<string, never>;
            /** Input */
            input?: unknown;
            /** Location */
            loc: (string | number)[];
            /** Message */
            msg: string;
            /** Error Type */
            type: string;
        };
    };
    responses: never;
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
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
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
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
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
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    delivery_log_deliveries_get: {
        parameters: {
            query?: {
                channel?: string | null;
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
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
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
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
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
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    healthz_healthz_get: {
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
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
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
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
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
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    get_preferences_preferences__recipient__get: {
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
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
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
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    readyz_readyz_get: {
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
                    "application/json": unknown;
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
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
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
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    get_subscription_webhooks_subscriptions__subscription_id__get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
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
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
}
