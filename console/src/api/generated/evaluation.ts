// Generated from contracts/openapi/evaluation.json by console/scripts/generate-api.mjs.
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
    "/employees/{nip}/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * History
         * @description Every evaluation of the employee, oldest first; corrected ones are kept and show
         *     `superseded_by`. An evaluator sees the ones they made.
         */
        get: operations["history_employees__nip__evaluations_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record
         * @description Record a checkpoint, periodic or annual evaluation; the predikat is computed from
         *     the two ratings. A second evaluation of the same checkpoint or period must name the
         *     one it corrects in `supersedes_evaluation_id` (409 otherwise). Adaptation notes are
         *     personal data, stored sealed with the employee's data key: 409 while the service
         *     does not hold that key (record without notes, or later).
         */
        post: operations["record_evaluations_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluations/{evaluation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show
         * @description One evaluation (read your writes: `min_version`, the `version` its recording
         *     answered).
         */
        get: operations["show_evaluations__evaluation_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluations/annual/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import Annual
         * @description Bulk import of annual appraisals from the provincial export (CSV with columns
         *     nip, tahun, hasil_kerja, perilaku_kerja and optionally nip_penilai). Idempotent: a
         *     row already imported is skipped; unreadable or refused rows are listed by line.
         */
        post: operations["import_annual_evaluations_annual_import_post"];
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
    "/monitoring/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Plans
         * @description Monitoring plans, filtered by employee, evaluator or new unit; an evaluator
         *     sees the plans of their units.
         */
        get: operations["list_plans_monitoring_plans_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/monitoring/plans/{plan_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show Plan
         * @description One monitoring plan with its checkpoints (read your writes: `min_version`).
         */
        get: operations["show_plan_monitoring_plans__plan_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/monitoring/plans/{plan_id}/assess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assess
         * @description Judge the transfer now, criterion by criterion (also done at the last checkpoint).
         */
        post: operations["assess_monitoring_plans__plan_id__assess_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/monitoring/plans/{plan_id}/cancel": {
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
         * @description Cancel a plan whose transfer was reversed; its open checkpoints are no longer due.
         */
        post: operations["cancel_monitoring_plans__plan_id__cancel_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/monitoring/worklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show Worklist
         * @description Checkpoints to evaluate per evaluator and/or unit: overdue first, then due, then
         *     done, with counts of each. An evaluator sees those of their units.
         */
        get: operations["show_worklist_monitoring_worklist_get"];
        put?: never;
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
    "/reports/early-warning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show Early Warnings
         * @description People whose performance fell after their transfer: latest checkpoint predikat
         *     below the baseline annual appraisal before the TMT.
         */
        get: operations["show_early_warnings_reports_early_warning_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/effectiveness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show Effectiveness
         * @description Share of transfers that achieved their goal, performance before and after (score
         *     1 = SANGAT_KURANG … 5 = SANGAT_BAIK) and months to adapt, by period (year of the
         *     TMT), agency, region and kind.
         */
        get: operations["show_effectiveness_reports_effectiveness_get"];
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
        /**
         * AdaptationAssessment
         * @description How the employee is settling into the new post, as the evaluator sees it, with the
         *     evaluator's notes in plaintext (version 1 of `EvaluationRecorded`).
         */
        AdaptationAssessment: {
            /** Needs Training */
            needs_training: boolean;
            /**
             * Notes
             * @default
             */
            notes: string;
            /** Understands New Duties */
            understands_new_duties: boolean;
            /** Works With Team */
            works_with_team: boolean;
        };
        /** AdaptationView */
        AdaptationView: {
            /** Needs Training */
            needs_training: boolean;
            /**
             * Notes
             * @description the evaluator's notes (stored sealed with the employee's data key); null when they can no longer be read: the employee's personal data was erased
             * @default
             */
            notes: string | null;
            /** Understands New Duties */
            understands_new_duties: boolean;
            /** Works With Team */
            works_with_team: boolean;
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
        /** CancelIn */
        CancelIn: {
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
        /** CheckpointView */
        CheckpointView: {
            /** Checkpoint Id */
            checkpoint_id: string;
            /**
             * Due Date
             * Format: date
             */
            due_date: string;
            /** Evaluation Id */
            evaluation_id?: string | null;
            /** Months After */
            months_after: number;
            /** Overdue Since */
            overdue_since?: string | null;
            /** Predikat */
            predikat?: ("SANGAT_BAIK" | "BAIK" | "BUTUH_PERBAIKAN" | "KURANG" | "SANGAT_KURANG") | null;
            /**
             * Status
             * @description DUE, OVERDUE, DONE or CANCELLED
             */
            status: string;
        };
        /**
         * CriterionResult
         * @description One documented criterion of a transfer's outcome, met or not, and why.
         */
        CriterionResult: {
            /**
             * Criterion
             * @description PLACEMENT: the need is filled and the person still holds the post; PERFORMANCE: predikat kept or improved against the baseline annual appraisal; ADAPTATION: no unresolved adaptation problems
             * @enum {string}
             */
            criterion: "PLACEMENT" | "PERFORMANCE" | "ADAPTATION";
            /** Explanation */
            explanation: string;
            /** Met */
            met: boolean;
        };
        /** EarlyWarning */
        EarlyWarning: {
            /** Baseline Predikat */
            baseline_predikat: string;
            /** Evaluation Id */
            evaluation_id: string | null;
            /** Evaluator Nip */
            evaluator_nip: string | null;
            /** Latest Predikat */
            latest_predikat: string;
            /** Months After */
            months_after: number;
            /** Mutation Id */
            mutation_id: string;
            /** Nip */
            nip: string;
            /** Plan Id */
            plan_id: string;
            /**
             * Tmt
             * Format: date
             */
            tmt: string;
            /** Unit Id */
            unit_id: string;
        };
        /** EffectivenessRow */
        EffectivenessRow: {
            /** Achieved */
            achieved: number;
            /** Agency Unit Id */
            agency_unit_id: string;
            /** Assessed */
            assessed: number;
            /** Avg Months To Adapt */
            avg_months_to_adapt: number | null;
            /** Avg Score After */
            avg_score_after: number | null;
            /** Avg Score Before */
            avg_score_before: number | null;
            /** Kind */
            kind: string;
            /** Not Achieved */
            not_achieved: number;
            /** Partly Achieved */
            partly_achieved: number;
            /** Period */
            period: number;
            /** Region */
            region: string;
            /** Share Achieved */
            share_achieved: number;
        };
        /**
         * EvaluationIn
         * @description An evaluation as the evaluator submits it. There is no predikat: it is computed.
         */
        EvaluationIn: {
            /** @description required for a checkpoint evaluation */
            adaptation?: components["schemas"]["AdaptationAssessment"] | null;
            /**
             * Checkpoint Id
             * @description for a checkpoint evaluation
             */
            checkpoint_id?: string | null;
            /**
             * Evaluation Id
             * @description generated when absent
             */
            evaluation_id?: string | null;
            /** Evaluator Nip */
            evaluator_nip?: string | null;
            /**
             * Hasil Kerja
             * @enum {string}
             */
            hasil_kerja: "DI_ATAS" | "SESUAI" | "DI_BAWAH";
            /**
             * Kind
             * @enum {string}
             */
            kind: "ANNUAL" | "CHECKPOINT" | "PERIODIC";
            /**
             * Nip
             * @description 18-digit NIP
             */
            nip: string;
            /**
             * Perilaku Kerja
             * @enum {string}
             */
            perilaku_kerja: "DI_ATAS" | "SESUAI" | "DI_BAWAH";
            /** Period End */
            period_end?: string | null;
            /**
             * Period Start
             * @description required, except for a checkpoint (the plan knows it)
             */
            period_start?: string | null;
            /**
             * Supersedes Evaluation Id
             * @description the evaluation this one corrects
             */
            supersedes_evaluation_id?: string | null;
        };
        /** EvaluationView */
        EvaluationView: {
            adaptation: components["schemas"]["AdaptationView"] | null;
            /** Checkpoint Id */
            checkpoint_id: string | null;
            /** Evaluation Id */
            evaluation_id: string;
            /** Evaluator Nip */
            evaluator_nip: string | null;
            /**
             * Hasil Kerja
             * @enum {string}
             */
            hasil_kerja: "DI_ATAS" | "SESUAI" | "DI_BAWAH";
            /** Kind */
            kind: string;
            /** Nip */
            nip: string;
            /**
             * Perilaku Kerja
             * @enum {string}
             */
            perilaku_kerja: "DI_ATAS" | "SESUAI" | "DI_BAWAH";
            /**
             * Period End
             * Format: date
             */
            period_end: string;
            /**
             * Period Start
             * Format: date
             */
            period_start: string;
            /** Plan Id */
            plan_id: string | null;
            /**
             * Predikat
             * @enum {string}
             */
            predikat: "SANGAT_BAIK" | "BAIK" | "BUTUH_PERBAIKAN" | "KURANG" | "SANGAT_KURANG";
            /** Recorded At */
            recorded_at?: string | null;
            /** Recorded By */
            recorded_by?: string | null;
            /** Superseded By */
            superseded_by?: string | null;
            /** Supersedes Evaluation Id */
            supersedes_evaluation_id: string | null;
            /**
             * Version
             * @description in the answer to a recording: the version of the stream it was recorded in, also the ETag (pass it as min_version to read it back)
             */
            version?: number | null;
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
        /** ImportReport */
        ImportReport: {
            /** Errors */
            errors: components["schemas"]["RowProblem"][];
            /** Imported */
            imported: number;
            /**
             * Skipped
             * @description rows already imported before
             */
            skipped: number;
        };
        /**
         * MutationOutcomeAssessed
         * @description Whether a transfer achieved its goal, judged criterion by criterion, at its last
         *     checkpoint or on demand. A later assessment of the same plan replaces an earlier one.
         */
        MutationOutcomeAssessed: {
            /** Agency Unit Id */
            agency_unit_id?: string | null;
            /** Assessed By */
            assessed_by: string;
            /**
             * Assessed On
             * Format: date
             */
            assessed_on: string;
            /** Based On Evaluation Ids */
            based_on_evaluation_ids?: string[];
            /**
             * Baseline Predikat
             * @description latest annual predikat before the TMT
             */
            baseline_predikat?: ("SANGAT_BAIK" | "BAIK" | "BUTUH_PERBAIKAN" | "KURANG" | "SANGAT_KURANG") | null;
            /** Criteria */
            criteria: components["schemas"]["CriterionResult"][];
            /** Kind */
            kind?: string | null;
            /**
             * Latest Predikat
             * @description predikat of the latest checkpoint evaluated
             */
            latest_predikat?: ("SANGAT_BAIK" | "BAIK" | "BUTUH_PERBAIKAN" | "KURANG" | "SANGAT_KURANG") | null;
            /**
             * Months To Adapt
             * @description first checkpoint (months after TMT) without adaptation problems
             */
            months_to_adapt?: number | null;
            /** Mutation Id */
            mutation_id: string;
            /**
             * Nip
             * @description 18-digit NIP
             */
            nip: string;
            /** Plan Id */
            plan_id: string;
            /** Region */
            region?: string | null;
            /**
             * Tmt
             * Format: date
             */
            tmt: string;
            /**
             * Trigger
             * @enum {string}
             */
            trigger: "LAST_CHECKPOINT" | "ON_DEMAND";
            /** Unit Id */
            unit_id: string;
            /**
             * Verdict
             * @enum {string}
             */
            verdict: "ACHIEVED" | "PARTLY_ACHIEVED" | "NOT_ACHIEVED";
        };
        /** PlanView */
        PlanView: {
            /** Agency Unit Id */
            agency_unit_id: string | null;
            /** Assessed On */
            assessed_on?: string | null;
            /** Assessment Trigger */
            assessment_trigger?: string | null;
            /** Baseline Predikat */
            baseline_predikat?: ("SANGAT_BAIK" | "BAIK" | "BUTUH_PERBAIKAN" | "KURANG" | "SANGAT_KURANG") | null;
            /** Cancelled Reason */
            cancelled_reason?: string | null;
            /** Checkpoints */
            checkpoints: components["schemas"]["CheckpointView"][];
            /** Criteria */
            criteria?: components["schemas"]["CriterionResult"][] | null;
            /** Evaluator Nip */
            evaluator_nip: string | null;
            /** From Position Id */
            from_position_id: string | null;
            /** From Unit Id */
            from_unit_id: string | null;
            /** Kind */
            kind: string | null;
            /** Latest Predikat */
            latest_predikat?: ("SANGAT_BAIK" | "BAIK" | "BUTUH_PERBAIKAN" | "KURANG" | "SANGAT_KURANG") | null;
            /** Months To Adapt */
            months_to_adapt?: number | null;
            /** Mutation Id */
            mutation_id: string;
            /** Need Id */
            need_id: string | null;
            /** Nip */
            nip: string;
            /** Plan Id */
            plan_id: string;
            /** Position Id */
            position_id: string;
            /** Region */
            region: string | null;
            /**
             * Scheduled At
             * Format: date-time
             */
            scheduled_at: string;
            /**
             * Status
             * @description ACTIVE, COMPLETED (assessed at the last checkpoint) or CANCELLED
             */
            status: string;
            /**
             * Tmt
             * Format: date
             */
            tmt: string;
            /** Unit Id */
            unit_id: string;
            /** Verdict */
            verdict?: string | null;
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
        /** RowProblem */
        RowProblem: {
            /** Line */
            line: number;
            /** Message */
            message: string;
            /** Nip */
            nip: string | null;
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
        /** Worklist */
        Worklist: {
            /** Counts */
            counts: {
                [key: string]: number;
            };
            /** Items */
            items: components["schemas"]["WorklistItem"][];
        };
        /** WorklistItem */
        WorklistItem: {
            /** Checkpoint Id */
            checkpoint_id: string;
            /**
             * Due Date
             * Format: date
             */
            due_date: string;
            /** Evaluation Id */
            evaluation_id: string | null;
            /** Evaluator Nip */
            evaluator_nip: string | null;
            /** Months After */
            months_after: number;
            /** Mutation Id */
            mutation_id: string;
            /** Nip */
            nip: string;
            /** Overdue Since */
            overdue_since: string | null;
            /** Plan Id */
            plan_id: string;
            /** Predikat */
            predikat: string | null;
            /** Status */
            status: string;
            /** Unit Id */
            unit_id: string;
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
    history_employees__nip__evaluations_get: {
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
                    "application/json": components["schemas"]["EvaluationView"][];
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
    record_evaluations_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvaluationIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationView"];
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
    show_evaluations__evaluation_id__get: {
        parameters: {
            query?: {
                /** @description Read your own write: wait (at most 5 s) until the read model holds at least this version of the record, the `version` (or `ETag`) a command answered; 503 with Retry-After if it does not by then. */
                min_version?: number | null;
            };
            header?: never;
            path: {
                evaluation_id: string;
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
                    "application/json": components["schemas"]["EvaluationView"];
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
    import_annual_evaluations_annual_import_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
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
    list_plans_monitoring_plans_get: {
        parameters: {
            query?: {
                /** @description an employee's NIP (18 digits) */
                evaluator_nip?: string | null;
                /** @description an employee's NIP (18 digits) */
                nip?: string | null;
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
                    "application/json": components["schemas"]["PlanView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    show_plan_monitoring_plans__plan_id__get: {
        parameters: {
            query?: {
                /** @description Read your own write: wait (at most 5 s) until the read model holds at least this version of the record, the `version` (or `ETag`) a command answered; 503 with Retry-After if it does not by then. */
                min_version?: number | null;
            };
            header?: never;
            path: {
                plan_id: string;
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
                    "application/json": components["schemas"]["PlanView"];
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
    assess_monitoring_plans__plan_id__assess_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                plan_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MutationOutcomeAssessed"];
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
    cancel_monitoring_plans__plan_id__cancel_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                plan_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelIn"];
            };
        };
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
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    show_worklist_monitoring_worklist_get: {
        parameters: {
            query?: {
                /** @description an employee's NIP (18 digits) */
                evaluator_nip?: string | null;
                status?: ("DUE" | "OVERDUE" | "DONE") | null;
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
                    "application/json": components["schemas"]["Worklist"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
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
    show_early_warnings_reports_early_warning_get: {
        parameters: {
            query?: {
                format?: "json" | "csv";
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
                    "application/json": components["schemas"]["EarlyWarning"][];
                    "text/csv": unknown;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    show_effectiveness_reports_effectiveness_get: {
        parameters: {
            query?: {
                agency_unit_id?: string | null;
                format?: "json" | "csv";
                kind?: ("NEED_BASED" | "OWN_REQUEST" | "ROTATION" | "OTHER") | null;
                region?: string | null;
                /** @description a calendar date, YYYY-MM-DD, in 1900-2199 */
                tmt_from?: string | null;
                /** @description a calendar date, YYYY-MM-DD, in 1900-2199 */
                tmt_to?: string | null;
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
                    "application/json": components["schemas"]["EffectivenessRow"][];
                    "text/csv": unknown;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
}
