// Generated from contracts/openapi/mutation.json by console/scripts/generate-api.mjs.
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
    "/decrees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Decrees
         * @description The decree register, page by page, newest SK date first.
         */
        get: operations["list_decrees_decrees_get"];
        put?: never;
        /**
         * Issue
         * @description Issue one decree for the listed transfers (DecreeIssued, and MutationDecreed for each
         *     row): all rows or none, every failing rule of every row listed at once. The response
         *     carries the decree as issued, with its document's SHA-256.
         */
        post: operations["issue_decrees_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/decrees/{decree_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Decree
         * @description The decree as it stands, corrections applied (read from its own stream: there from
         *     the moment it is issued).
         */
        get: operations["get_decree_decrees__decree_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/decrees/{decree_id}/correct": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct
         * @description Correct rows of the decree by the PPK's ralat (DecreeCorrected): the decree is
         *     re-issued with the corrections (a new document and hash), and so is each petikan of a
         *     corrected row; the first document stays genuine but reads as superseded.
         */
        post: operations["correct_decrees__decree_id__correct_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/decrees/{decree_id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Document
         * @description The decree's PDF as rendered at issue (its SHA-256 is the one recorded).
         */
        get: operations["document_decrees__decree_id__document_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/decrees/{decree_id}/petikan/{nip}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Petikan
         * @description One person's petikan (extract) as a PDF; an employee fetches their own.
         */
        get: operations["petikan_decrees__decree_id__petikan__nip__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/decrees/{decree_id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke
         * @description Revoke rows of the decree by the PPK's revoking decree (DecreeRevoked): an effective
         *     row's person goes back to the post they left (MutationRevoked; personnel moves them, the
         *     monitoring plan is cancelled, they are told), a row not yet effective is cancelled.
         */
        post: operations["revoke_decrees__decree_id__revoke_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/decrees/{decree_id}/signed-copies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload Signed Copy
         * @description Record the decree as signed outside the system (the PDF with its TTE, or a scan as
         *     PDF, PNG or JPEG, at most 20 MB): its SHA-256 goes into the decree's events, so a
         *     verifier shown that copy is answered `SIGNED_COPY`.
         */
        post: operations["upload_signed_copy_decrees__decree_id__signed_copies_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/decrees/{decree_id}/signed-copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Signed Copy
         * @description The latest signed copy recorded for the decree.
         */
        get: operations["signed_copy_decrees__decree_id__signed_copy_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/decrees/{decree_id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify Hash
         * @description Whether a document whose SHA-256 (or the content code its QR carries) is given is a
         *     genuine copy of the decree. No sign-in.
         */
        get: operations["verify_hash_decrees__decree_id__verify_get"];
        put?: never;
        /**
         * Verify File
         * @description Whether the uploaded file (the PDF as received) is a genuine copy of the decree.
         */
        post: operations["verify_file_decrees__decree_id__verify_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/employees/{nip}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Employee
         * @description The employee as this service knows them (from personnel's events: eventually
         *     consistent with personnel, see docs/api.md).
         */
        get: operations["get_employee_employees__nip__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/employees/{nip}/mutations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Employee History
         * @description An employee's transfers, oldest first.
         */
        get: operations["employee_history_employees__nip__mutations_get"];
        put?: never;
        post?: never;
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
    "/mutations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Mutations
         * @description Transfers page by page, newest proposal first: by step, by unit (origin or target),
         *     by decree, kind, employee and the days proposed (inclusive). Each as the board shows it
         *     (the timeline comes with the single transfer).
         */
        get: operations["list_mutations_mutations_get"];
        put?: never;
        /**
         * Propose
         * @description Propose a transfer (MutationProposed); the origin post is the employee's current one.
         *     An employee may propose only their own (as an OWN_REQUEST; the domain checks the kind).
         */
        post: operations["propose_mutations_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mutations/{mutation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Mutation
         * @description One transfer with its step and full timeline (who, when, why).
         */
        get: operations["get_mutation_mutations__mutation_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mutations/{mutation_id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge
         * @description The employee (the caller's NIP) acknowledges (MutationAcknowledged).
         */
        post: operations["acknowledge_mutations__mutation_id__acknowledge_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mutations/{mutation_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve
         * @description The PPK approves (MutationApproved), if the target post has a free place and the
         *     rules allow it.
         */
        post: operations["approve_mutations__mutation_id__approve_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mutations/{mutation_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel
         * @description Cancel, with a reason, at any step before effective (MutationCancelled); a decreed
         *     transfer only by the PPK, with the cancelling decree.
         */
        post: operations["cancel_mutations__mutation_id__cancel_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mutations/{mutation_id}/decree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decree
         * @description The decree (SK) is issued (MutationDecreed) once the employee acknowledged, their
         *     objection was dismissed or the objection window closed; the scheduler makes the transfer
         *     effective on its TMT.
         */
        post: operations["decree_mutations__mutation_id__decree_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mutations/{mutation_id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check Documents
         * @description Record the document checklist (MutationDocumentsChecked).
         */
        post: operations["check_documents_mutations__mutation_id__documents_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mutations/{mutation_id}/induction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Induction
         * @description The transfer's swearing-in and SPMT against their deadline (from its own stream).
         */
        get: operations["get_induction_mutations__mutation_id__induction_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mutations/{mutation_id}/object": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Object To
         * @description The employee (the caller's NIP) objects, with a reason (MutationObjected), which is
         *     recorded sealed with their data key (409 while this service does not hold it).
         */
        post: operations["object_to_mutations__mutation_id__object_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mutations/{mutation_id}/objection/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve Objection
         * @description The PPK upholds the objection (the transfer is cancelled) or dismisses it; the BKD
         *     may not decide it.
         */
        post: operations["resolve_objection_mutations__mutation_id__objection_resolve_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mutations/{mutation_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject
         * @description The PPK rejects, with reasons (MutationRejected).
         */
        post: operations["reject_mutations__mutation_id__reject_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mutations/{mutation_id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release
         * @description Release a transfer held on its TMT (MutationReleased) once its guards pass again;
         *     it then takes effect on the scheduler's next tick.
         */
        post: operations["release_mutations__mutation_id__release_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mutations/{mutation_id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Review
         * @description Record the TPK's recommendation (MutationReviewed).
         */
        post: operations["review_mutations__mutation_id__review_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mutations/{mutation_id}/socialize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Socialize
         * @description The employee is told why (MutationSocialized).
         */
        post: operations["socialize_mutations__mutation_id__socialize_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mutations/{mutation_id}/spmt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Spmt
         * @description Record that the person took up the duty (MutationDutyTaken, the SPMT).
         */
        post: operations["spmt_mutations__mutation_id__spmt_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mutations/{mutation_id}/swearing-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Swearing In
         * @description Record the swearing-in to the new post (MutationSwornIn).
         */
        post: operations["swearing_in_mutations__mutation_id__swearing_in_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/needs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Dashboard
         * @description The needs dashboard: open needs (or `status=` any), share fulfilled, candidates.
         */
        get: operations["dashboard_needs_get"];
        put?: never;
        /**
         * Identify
         * @description Confirm a need with a reason and priority (StaffingNeedIdentified).
         */
        post: operations["identify_needs_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/needs/{need_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Need
         * @description One staffing need with its progress (read your writes: `min_version`).
         */
        get: operations["get_need_needs__need_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/needs/{need_id}/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Candidates
         * @description Ranked candidates with each factor's points and explanation, and every excluded
         *     employee with the rule that excluded them.
         */
        get: operations["candidates_needs__need_id__candidates_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/needs/{need_id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close
         * @description Close a need that will not be (fully) met, with the reason (StaffingNeedClosed).
         *     `version` is the need's version once closed (at least the one the close produced).
         */
        post: operations["close_needs__need_id__close_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/needs/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Suggestions
         * @description Posts short of holders (formasi − bezetting − incoming transfers − open needs), the
         *     largest shortage first: what an operator confirms as needs.
         */
        get: operations["suggestions_needs_suggestions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pipeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pipeline
         * @description The pipeline board: transfers per step, by target unit and kind, with age in step.
         */
        get: operations["pipeline_pipeline_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show Policy
         * @description The policy in force today and every recorded change (scheduled ones included).
         */
        get: operations["show_policy_policy_get"];
        put?: never;
        /**
         * Change Policy
         * @description Change the transfer policy from a date on (MutationPolicyChanged), without a restart:
         *     decisions on or after `effective_from` apply these values and record them.
         */
        post: operations["change_policy_policy_post"];
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
    "/verifikasi/{decree_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verification Page
         * @description The page the QR code of every page of a decree opens, in Bahasa Indonesia.
         */
        get: operations["verification_page_verifikasi__decree_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** ApproveBody */
        ApproveBody: {
            /**
             * Fit Override
             * @description the PPK's written reasons to approve although the employee's education does not meet the post's requirement (recorded on the decision)
             */
            fit_override?: string | null;
            /**
             * Min Years Exception
             * @description PPK's justification for waiving the minimum years in post
             */
            min_years_exception?: string | null;
            /**
             * Minister Approval Date
             * @description date of the Minister's approval letter (with its number)
             */
            minister_approval_date?: string | null;
            /**
             * Minister Approval Ref
             * @description number of the Minister's approval letter inside a blackout
             */
            minister_approval_ref?: string | null;
            /**
             * Reasons
             * @default
             */
            reasons: string;
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
        /** CancelBody */
        CancelBody: {
            /** Cancelling Sk Date */
            cancelling_sk_date?: string | null;
            /**
             * Cancelling Sk Number
             * @description the cancelling decree (required once the transfer is decreed)
             */
            cancelling_sk_number?: string | null;
            /** Reason */
            reason: string;
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
        /** CloseBody */
        CloseBody: {
            /** Reason */
            reason: string;
        };
        /** CommandResult */
        CommandResult: {
            /** Events */
            events: string[];
            /** Mutation Id */
            mutation_id: string;
            /** Status */
            status: string;
            /** Version */
            version: number;
        };
        /**
         * CorrectBody
         * @description The PPK's correcting decree (*ralat*): which fields of which rows it puts right.
         */
        CorrectBody: {
            /** Corrections */
            corrections: components["schemas"]["CorrectionBody"][];
            /** Reason */
            reason: string;
            /**
             * Sk Date
             * Format: date
             */
            sk_date: string;
            /** Sk Number */
            sk_number: string;
        };
        /** CorrectionBody */
        CorrectionBody: {
            /**
             * After
             * @description the field as it should read
             */
            after: string;
            /**
             * Field
             * @enum {string}
             */
            field: "name" | "grade" | "rank_name" | "from_position" | "from_unit" | "to_position" | "to_unit" | "remarks";
            /** Mutation Id */
            mutation_id: string;
        };
        /**
         * DecreeCorrected
         * @description A correcting decree (*ralat*) of the PPK put rows of the decree right; the decree is
         *     re-issued with the corrections (its new document's hash in `document_sha256`), and the
         *     petikan of the rows corrected with it. The decree as first issued stays on record.
         */
        DecreeCorrected: {
            /** Corrected By */
            corrected_by: string;
            /**
             * Correcting Sk Date
             * Format: date
             */
            correcting_sk_date: string;
            /** Correcting Sk Number */
            correcting_sk_number: string;
            /** Corrections */
            corrections: components["schemas"]["DecreeRowCorrection"][];
            /** Decree Id */
            decree_id: string;
            /** Document Sha256 */
            document_sha256: string;
            /** Reason */
            reason: string;
        };
        /**
         * DecreePage
         * @description One page of the decree register (newest SK date first), and how many there are.
         */
        DecreePage: {
            /** Items */
            items: components["schemas"]["DecreeSummary"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /** Total */
            total: number;
        };
        /**
         * DecreeRow
         * @description One row of the lampiran: one transfer, with what the decree says of the person and of
         *     the two posts (snapshotted at issue, as the document prints them).
         */
        DecreeRow: {
            /**
             * From Position
             * @description JABATAN LAMA: post title
             */
            from_position: string;
            /**
             * From Unit
             * @description the unit of the old post
             */
            from_unit: string;
            /**
             * Grade
             * @description golongan/ruang, e.g. III/c
             */
            grade: string;
            /** Mutation Id */
            mutation_id: string;
            /** Name */
            name: string;
            /**
             * Nip
             * @description 18-digit NIP
             */
            nip: string;
            /**
             * Number
             * @description NO of the lampiran
             */
            number: number;
            /**
             * Rank Name
             * @description pangkat, e.g. Penata
             * @default
             */
            rank_name: string;
            /**
             * Remarks
             * @description KETERANGAN
             * @default
             */
            remarks: string;
            /**
             * To Position
             * @description JABATAN BARU: post title
             */
            to_position: string;
            /**
             * To Unit
             * @description the unit of the new post
             */
            to_unit: string;
        };
        /**
         * DecreeRowCorrection
         * @description One field of one lampiran row as the correcting decree (*ralat*) puts it right.
         */
        DecreeRowCorrection: {
            /** After */
            after: string;
            /** Before */
            before: string;
            /**
             * Field
             * @enum {string}
             */
            field: "name" | "grade" | "rank_name" | "from_position" | "from_unit" | "to_position" | "to_unit" | "remarks";
            /** Mutation Id */
            mutation_id: string;
        };
        /**
         * DecreeSigner
         * @description The official who signs the decree, as they were at signing (post, name and NIP are
         *     part of the record: a later change of office does not change a signed decree).
         */
        DecreeSigner: {
            /** Name */
            name: string;
            /**
             * Nip
             * @description absent for an elected official
             */
            nip?: string | null;
            /**
             * On Behalf
             * @description 'a.n.' line when signed by a delegate
             */
            on_behalf?: string | null;
            /**
             * Post
             * @description e.g. GUBERNUR RANGKUI
             */
            post: string;
        };
        /** DecreeSummary */
        DecreeSummary: {
            /** Decree Id */
            decree_id: string;
            /** Document Sha256 */
            document_sha256: string;
            /**
             * Issued At
             * Format: date-time
             */
            issued_at: string;
            /** Issued By */
            issued_by: string;
            /** Rows */
            rows: number;
            /** Signer Post */
            signer_post: string;
            /**
             * Sk Date
             * Format: date
             */
            sk_date: string;
            /** Sk Number */
            sk_number: string;
            /**
             * Status
             * @description BERLAKU, DIBATALKAN SEBAGIAN or DIBATALKAN
             */
            status: string;
            /** Title */
            title: string;
            /**
             * Tmt
             * Format: date
             */
            tmt: string;
        };
        /**
         * DecreeView
         * @description A decree as issued (its content, the document's hash, where to fetch it).
         */
        DecreeView: {
            /** Considerations */
            considerations: string[];
            /** Copies To */
            copies_to: string[];
            /**
             * Corrections
             * @description the correcting decrees (ralat), oldest first
             */
            corrections?: components["schemas"]["DecreeCorrected"][];
            /** Decree Id */
            decree_id: string;
            /** Document Sha256 */
            document_sha256: string;
            /** Document Url */
            document_url: string;
            /** Issued By */
            issued_by: string;
            /** Legal Bases */
            legal_bases: string[];
            /** Place */
            place: string;
            /** Rows */
            rows: components["schemas"]["DecreeRow"][];
            signer: components["schemas"]["DecreeSigner"];
            /**
             * Sk Date
             * Format: date
             */
            sk_date: string;
            /** Sk Number */
            sk_number: string;
            /**
             * Status
             * @description BERLAKU, DIRALAT, DIBATALKAN SEBAGIAN or DIBATALKAN
             * @default BERLAKU
             */
            status: string;
            /** Template Version */
            template_version: string;
            /** Title */
            title: string;
            /**
             * Tmt
             * Format: date
             */
            tmt: string;
            /** Verify Url */
            verify_url: string;
        };
        /**
         * DocumentItem
         * @description One item of the transfer file's checklist, present or not, with its reference.
         */
        DocumentItem: {
            /**
             * Code
             * @enum {string}
             */
            code: "REQUEST_LETTER" | "ORIGIN_APPROVAL_LETTER" | "JOB_AND_WORKLOAD_ANALYSIS" | "LATEST_RANK_SK" | "PERFORMANCE_APPRAISALS" | "DISCIPLINE_STATEMENT" | "STUDY_OBLIGATION_STATEMENT" | "CLEAN_AUDIT_CERTIFICATE";
            /** Present */
            present: boolean;
            /**
             * Reference
             * @description letter number or archive ref
             */
            reference?: string | null;
        };
        /** DocumentsBody */
        DocumentsBody: {
            /** Items */
            items: components["schemas"]["DocumentItem"][];
        };
        /** EmployeeView */
        EmployeeView: {
            /** Competencies */
            competencies: string[];
            /** Education */
            education: {
                [key: string]: unknown;
            }[];
            /** Grade */
            grade: string;
            /** Name */
            name: string;
            /** Nip */
            nip: string;
            /** Position Id */
            position_id: string;
            /** Status */
            status: string;
            /**
             * Tmt Position
             * Format: date
             */
            tmt_position: string;
            /** Unit Id */
            unit_id: string;
            /** Years In Post */
            years_in_post: number;
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
        /** IdentifyBody */
        IdentifyBody: {
            /** Count */
            count: number;
            /** Position Id */
            position_id: string;
            /**
             * Priority
             * @default MEDIUM
             * @enum {string}
             */
            priority: "LOW" | "MEDIUM" | "HIGH" | "URGENT";
            /** Reason */
            reason: string;
            /** Required Competencies */
            required_competencies?: string[];
            /** Unit Id */
            unit_id: string;
        };
        /** InductionView */
        InductionView: {
            /** Basis */
            basis: string;
            /**
             * Due By
             * Format: date
             */
            due_by: string;
            /** Duty From */
            duty_from: string | null;
            /** Missing */
            missing: string[];
            /** Mutation Id */
            mutation_id: string;
            /** Spmt Number */
            spmt_number: string | null;
            /**
             * Status
             * @description DUE, OVERDUE, DONE or CANCELLED
             */
            status: string;
            /** Swearing In Required */
            swearing_in_required: boolean;
            /** Sworn In On */
            sworn_in_on: string | null;
        };
        /**
         * MutationPage
         * @description One page of transfers (newest proposal first), and how many match in all.
         */
        MutationPage: {
            /** Items */
            items: components["schemas"]["MutationView"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /** Total */
            total: number;
        };
        /** MutationView */
        MutationView: {
            /**
             * Decree Id
             * @description the decree listing it, if any
             */
            decree_id?: string | null;
            /** From Position Id */
            from_position_id: string;
            /** From Unit Id */
            from_unit_id: string;
            /** Kind */
            kind: string;
            /** Mutation Id */
            mutation_id: string;
            /** Need Id */
            need_id: string | null;
            /** Nip */
            nip: string;
            /**
             * Proposed At
             * Format: date-time
             */
            proposed_at: string;
            /** Proposed By */
            proposed_by: string;
            /** Reason */
            reason: string;
            /** Sk Date */
            sk_date: string | null;
            /** Sk Number */
            sk_number: string | null;
            /** Status */
            status: string;
            /**
             * Status Since
             * Format: date-time
             */
            status_since: string;
            /** Timeline */
            timeline?: components["schemas"]["TimelineStep"][];
            /** Tmt */
            tmt: string | null;
            /** To Position Id */
            to_position_id: string;
            /** To Unit Id */
            to_unit_id: string;
            /** Version */
            version: number;
        };
        /** NeedView */
        NeedView: {
            /** Candidates Available */
            candidates_available: number | null;
            /** Closed Reason */
            closed_reason: string | null;
            /** Count */
            count: number;
            /** Filled */
            filled: number;
            /**
             * Identified At
             * Format: date-time
             */
            identified_at: string;
            /** Identified By */
            identified_by: string;
            /** Need Id */
            need_id: string;
            /** Position Id */
            position_id: string;
            /** Priority */
            priority: string;
            /** Reason */
            reason: string;
            /** Share Fulfilled */
            share_fulfilled: number;
            /** Status */
            status: string;
            /** Title */
            title: string | null;
            /** Unit Id */
            unit_id: string;
            /** Unit Name */
            unit_name: string | null;
        };
        /**
         * PolicyApplied
         * @description The policy values a decision was taken under, so that an auditor can tell after a
         *     policy change why, say, a tenure of one year was accepted; `version` is a digest of the
         *     values (equal values, equal version).
         */
        PolicyApplied: {
            /**
             * Blackout In Force
             * @description the blackout window that covered the decision, if any
             */
            blackout_in_force?: string | null;
            /**
             * Effective From
             * @description the day the policy in force took effect (a MutationPolicyChanged); none when it is the service's configured baseline
             */
            effective_from?: string | null;
            /** Max Years In Post */
            max_years_in_post: number;
            /** Min Years In Post */
            min_years_in_post: number;
            /** Missing Appraisals */
            missing_appraisals: string;
            /** Objection Window Days */
            objection_window_days: number;
            /** Retroactive Tmt Max Days */
            retroactive_tmt_max_days?: number | null;
            /** Skip Steps */
            skip_steps?: ("DOCUMENTS" | "TPK_REVIEW" | "SOCIALIZATION")[];
            /** Skip Steps Basis */
            skip_steps_basis?: string | null;
            /** Tmt Horizon Days */
            tmt_horizon_days?: number | null;
            /** Tpk Quorum */
            tpk_quorum: number;
            /** Version */
            version: string;
        };
        /** PolicyChangeBody */
        PolicyChangeBody: {
            /**
             * Basis
             * @description the regulation behind it
             */
            basis: string;
            /**
             * Effective From
             * Format: date
             * @description the first decision day it applies to; not past
             */
            effective_from: string;
            values: components["schemas"]["PolicyValues"];
        };
        /** PolicyChangeView */
        PolicyChangeView: {
            /** Basis */
            basis: string;
            /**
             * Effective From
             * Format: date
             */
            effective_from: string;
            /** Number */
            number: number;
            values: components["schemas"]["PolicyValues"];
        };
        /**
         * PolicyValues
         * @description The values of the transfer policy a province sets (the configured baseline, or a
         *     change an administrator recorded).
         */
        PolicyValues: {
            /** Max Years In Post */
            max_years_in_post: number;
            /** Min Years In Post */
            min_years_in_post: number;
            /**
             * Missing Appraisals
             * @enum {string}
             */
            missing_appraisals: "WARN" | "BLOCK";
            /** Objection Window Days */
            objection_window_days: number;
            /** Retroactive Tmt Max Days */
            retroactive_tmt_max_days: number;
            /** Skip Steps */
            skip_steps?: ("DOCUMENTS" | "TPK_REVIEW" | "SOCIALIZATION")[];
            /** Skip Steps Basis */
            skip_steps_basis?: string | null;
            /** Tmt Horizon Days */
            tmt_horizon_days: number;
            /** Tpk Quorum */
            tpk_quorum: number;
        };
        /** PolicyView */
        PolicyView: {
            /**
             * Changes
             * @description every change recorded, oldest first
             */
            changes: components["schemas"]["PolicyChangeView"][];
            /** @description the policy a decision taken today applies */
            in_force: components["schemas"]["PolicyApplied"];
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
        /** ProposeBody */
        ProposeBody: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "NEED_BASED" | "OWN_REQUEST" | "ROTATION" | "OTHER";
            /**
             * Minister Approval Date
             * @description date of the Minister's approval letter (with its number)
             */
            minister_approval_date?: string | null;
            /**
             * Minister Approval Ref
             * @description number of the Minister's approval letter inside a blackout
             */
            minister_approval_ref?: string | null;
            /** Need Id */
            need_id?: string | null;
            /**
             * Nip
             * @description 18-digit NIP
             */
            nip: string;
            /** Reason */
            reason: string;
            /**
             * Related Persons
             * @description users related to the employee (may not decide)
             */
            related_persons?: string[];
            /** To Position Id */
            to_position_id: string;
            /** To Unit Id */
            to_unit_id: string;
        };
        /** DecreeBody */
        rangkui_mutation__entrypoints__http__DecreeBody: {
            /**
             * Minister Approval Date
             * @description date of the Minister's approval letter (with its number)
             */
            minister_approval_date?: string | null;
            /**
             * Minister Approval Ref
             * @description the Minister's approval when the SK date is in a blackout
             */
            minister_approval_ref?: string | null;
            /**
             * Retroactive Reason
             * @description why the TMT precedes the SK date (within the policy's cap)
             */
            retroactive_reason?: string | null;
            /**
             * Sk Date
             * Format: date
             * @description the day the SK was signed; not in the future
             */
            sk_date: string;
            /**
             * Sk Number
             * @description unique in the province
             */
            sk_number: string;
            /**
             * Tmt
             * Format: date
             * @description on or after sk_date, unless policy allows a retroactive TMT
             */
            tmt: string;
        };
        /**
         * DecreeBody
         * @description A decree for the listed transfers (each approved and past its objection window).
         *     Considerations, legal bases, signer and copies default to the province's settings.
         */
        rangkui_mutation__entrypoints__http_decrees__DecreeBody: {
            /** Considerations */
            considerations?: string[];
            /** Copies To */
            copies_to?: string[];
            /** Legal Bases */
            legal_bases?: string[];
            /** Minister Approval Date */
            minister_approval_date?: string | null;
            /** Minister Approval Ref */
            minister_approval_ref?: string | null;
            /** Mutation Ids */
            mutation_ids: string[];
            /**
             * Remarks
             * @description KETERANGAN per transfer id
             */
            remarks?: {
                [key: string]: string;
            };
            /** Retroactive Reason */
            retroactive_reason?: string | null;
            signer?: components["schemas"]["SignerBody"] | null;
            /**
             * Sk Date
             * Format: date
             */
            sk_date: string;
            /** Sk Number */
            sk_number: string;
            /**
             * Title
             * @default Pemindahan Pegawai Negeri Sipil di Lingkungan Pemerintah Provinsi Rangkui
             */
            title: string;
            /**
             * Tmt
             * Format: date
             */
            tmt: string;
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
        /** ReasonBody */
        ReasonBody: {
            /** Reason */
            reason: string;
        };
        /** ReasonsBody */
        ReasonsBody: {
            /** Reasons */
            reasons: string;
        };
        /** ResolveBody */
        ResolveBody: {
            /** Reasons */
            reasons: string;
            /** Upheld */
            upheld: boolean;
        };
        /** ReviewBody */
        ReviewBody: {
            /**
             * Berita Acara Ref
             * @description reference of the meeting's minutes (berita acara); required
             * @default
             */
            berita_acara_ref: string;
            /**
             * Members Present
             * @description TPK members present at the meeting (user ids; the caller counts as one)
             */
            members_present?: string[];
            /**
             * Notes
             * @default
             */
            notes: string;
            /** Recommended */
            recommended: boolean;
        };
        /** RevocationView */
        RevocationView: {
            /** Decree Id */
            decree_id: string;
            /** Mutation Ids */
            mutation_ids: string[];
            /**
             * Revoking Sk Date
             * Format: date
             */
            revoking_sk_date: string;
            /** Revoking Sk Number */
            revoking_sk_number: string;
            /** Status */
            status: string;
            /** Whole */
            whole: boolean;
        };
        /**
         * RevokeBody
         * @description The PPK's revoking decree (*SK pembatalan*) for some rows of the decree, or all.
         */
        RevokeBody: {
            /**
             * Mutation Ids
             * @description the rows revoked (default: all)
             */
            mutation_ids?: string[] | null;
            /** Reason */
            reason: string;
            /**
             * Revoked From
             * @description the day people are back in their old posts (default: sk_date)
             */
            revoked_from?: string | null;
            /**
             * Sk Date
             * Format: date
             */
            sk_date: string;
            /** Sk Number */
            sk_number: string;
        };
        /** SignedCopyView */
        SignedCopyView: {
            /** Decree Id */
            decree_id: string;
            /** Media Type */
            media_type: string;
            /**
             * Recorded
             * @description false: this very file was recorded before
             */
            recorded: boolean;
            /** Sha256 */
            sha256: string;
            /** Signature */
            signature: string;
            /** Size Bytes */
            size_bytes: number;
        };
        /** SignerBody */
        SignerBody: {
            /** Name */
            name: string;
            /** Nip */
            nip?: string | null;
            /** On Behalf */
            on_behalf?: string | null;
            /** Post */
            post: string;
        };
        /** SocializeBody */
        SocializeBody: {
            /**
             * Message
             * @description why the employee is being transferred
             */
            message: string;
        };
        /** SpmtBody */
        SpmtBody: {
            /**
             * Duty From
             * Format: date
             */
            duty_from: string;
            /** Spmt Number */
            spmt_number: string;
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
        /** SwearingInBody */
        SwearingInBody: {
            /** Official Name */
            official_name: string;
            /** Official Post */
            official_post: string;
            /** Place */
            place: string;
            /**
             * Sworn In On
             * Format: date
             */
            sworn_in_on: string;
        };
        /** TimelineStep */
        TimelineStep: {
            /** Actor */
            actor: string;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Details */
            details: {
                [key: string]: unknown;
            };
            /** Event Type */
            event_type: string;
            /** Reason */
            reason: string | null;
            /** Step */
            step: string;
            /** Version */
            version: number;
        };
        /**
         * VerificationView
         * @description Whether a presented copy is genuine, and the decree's standing; nothing about the
         *     people it names.
         */
        VerificationView: {
            /** Genuine */
            genuine: boolean;
            /**
             * Matched
             * @description DOCUMENT (the current one), SUPERSEDED_DOCUMENT (before a ralat), SIGNED_COPY or CONTENT_CODE (the QR's); null: not a copy of this decree
             */
            matched: string | null;
            /** Pesan */
            pesan: string;
            /** Rows */
            rows: number;
            /** Signer Post */
            signer_post: string;
            /**
             * Sk Date
             * Format: date
             */
            sk_date: string;
            /** Sk Number */
            sk_number: string;
            /**
             * Status
             * @description BERLAKU, DIRALAT, DIBATALKAN SEBAGIAN or DIBATALKAN
             */
            status: string;
            /** Title */
            title: string;
            /**
             * Tmt
             * Format: date
             */
            tmt: string;
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
    list_decrees_decrees_get: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
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
                    "application/json": components["schemas"]["DecreePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    issue_decrees_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["rangkui_mutation__entrypoints__http_decrees__DecreeBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecreeView"];
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
    get_decree_decrees__decree_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                decree_id: string;
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
                    "application/json": components["schemas"]["DecreeView"];
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
    correct_decrees__decree_id__correct_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                decree_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecreeView"];
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
    document_decrees__decree_id__document_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                decree_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": unknown;
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
    petikan_decrees__decree_id__petikan__nip__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                decree_id: string;
                /** @description the employee's NIP (18 digits) */
                nip: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": unknown;
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
    revoke_decrees__decree_id__revoke_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                decree_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevocationView"];
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
    upload_signed_copy_decrees__decree_id__signed_copies_post: {
        parameters: {
            query?: {
                /** @description signed electronically (BSrE), or a scan of the signed paper */
                signature?: "TTE" | "WET_SIGNATURE_SCAN";
            };
            header?: never;
            path: {
                decree_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedCopyView"];
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
    signed_copy_decrees__decree_id__signed_copy_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                decree_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": unknown;
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
    verify_hash_decrees__decree_id__verify_get: {
        parameters: {
            query: {
                /** @description of the presented file, or the QR's code */
                sha256: string;
            };
            header?: never;
            path: {
                decree_id: string;
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
                    "application/json": components["schemas"]["VerificationView"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    verify_file_decrees__decree_id__verify_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                decree_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationView"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    get_employee_employees__nip__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the employee's NIP (18 digits) */
                nip: string;
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
                    "application/json": components["schemas"]["EmployeeView"];
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
    employee_history_employees__nip__mutations_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the employee's NIP (18 digits) */
                nip: string;
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
                    "application/json": components["schemas"]["MutationView"][];
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
    list_mutations_mutations_get: {
        parameters: {
            query?: {
                decree_id?: string | null;
                kind?: ("NEED_BASED" | "OWN_REQUEST" | "ROTATION" | "OTHER") | null;
                limit?: number;
                /** @description the employee */
                nip?: string | null;
                offset?: number;
                /** @description a calendar date, YYYY-MM-DD, in 1900-2199 */
                proposed_from?: string | null;
                /** @description a calendar date, YYYY-MM-DD, in 1900-2199 */
                proposed_to?: string | null;
                /** @description a step, e.g. DECREED */
                status?: string | null;
                unit_id?: string | null;
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
                    "application/json": components["schemas"]["MutationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    propose_mutations_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposeBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResult"];
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
    get_mutation_mutations__mutation_id__get: {
        parameters: {
            query?: {
                /** @description Read your own write: wait (at most 5 s) until the read model holds at least this version of the record, the `version` (or `ETag`) a command answered; 503 with Retry-After if it does not by then. */
                min_version?: number | null;
            };
            header?: never;
            path: {
                mutation_id: string;
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
                    "application/json": components["schemas"]["MutationView"];
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
    acknowledge_mutations__mutation_id__acknowledge_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mutation_id: string;
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
                    "application/json": components["schemas"]["CommandResult"];
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
    approve_mutations__mutation_id__approve_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mutation_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApproveBody"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResult"];
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
    cancel_mutations__mutation_id__cancel_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mutation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResult"];
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
    decree_mutations__mutation_id__decree_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mutation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["rangkui_mutation__entrypoints__http__DecreeBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResult"];
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
    check_documents_mutations__mutation_id__documents_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mutation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DocumentsBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResult"];
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
    get_induction_mutations__mutation_id__induction_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mutation_id: string;
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
                    "application/json": components["schemas"]["InductionView"];
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
    object_to_mutations__mutation_id__object_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mutation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResult"];
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
    resolve_objection_mutations__mutation_id__objection_resolve_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mutation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResult"];
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
    reject_mutations__mutation_id__reject_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mutation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonsBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResult"];
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
    release_mutations__mutation_id__release_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mutation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResult"];
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
    review_mutations__mutation_id__review_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mutation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResult"];
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
    socialize_mutations__mutation_id__socialize_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mutation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SocializeBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResult"];
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
    spmt_mutations__mutation_id__spmt_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mutation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SpmtBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InductionView"];
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
    swearing_in_mutations__mutation_id__swearing_in_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mutation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SwearingInBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InductionView"];
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
    dashboard_needs_get: {
        parameters: {
            query?: {
                status?: "OPEN" | "FULFILLED" | "CLOSED" | "ALL";
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
                    "application/json": components["schemas"]["NeedView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    identify_needs_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IdentifyBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
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
    get_need_needs__need_id__get: {
        parameters: {
            query?: {
                /** @description Read your own write: wait (at most 5 s) until the read model holds at least this version of the record, the `version` (or `ETag`) a command answered; 503 with Retry-After if it does not by then. */
                min_version?: number | null;
            };
            header?: never;
            path: {
                need_id: string;
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
                    "application/json": components["schemas"]["NeedView"];
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
    candidates_needs__need_id__candidates_get: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                need_id: string;
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
                    "application/json": {
                        [key: string]: unknown;
                    };
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
    close_needs__need_id__close_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                need_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
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
    suggestions_needs_suggestions_get: {
        parameters: {
            query?: {
                /** @description filter posts, e.g. 'Matematika' */
                title?: string | null;
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
                    "application/json": {
                        [key: string]: unknown;
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    pipeline_pipeline_get: {
        parameters: {
            query?: {
                kind?: ("NEED_BASED" | "OWN_REQUEST" | "ROTATION" | "OTHER") | null;
                unit_id?: string | null;
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
                    "application/json": {
                        [key: string]: unknown;
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    show_policy_policy_get: {
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
                    "application/json": components["schemas"]["PolicyView"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    change_policy_policy_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyChangeBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyView"];
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
    verification_page_verifikasi__decree_id__get: {
        parameters: {
            query: {
                /** @description the code the QR carries */
                kode: string;
            };
            header?: never;
            path: {
                decree_id: string;
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
                    "text/html": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
}
