// Generated from contracts/openapi/personnel.json by console/scripts/generate-api.mjs.
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
    "/employees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search employees (paginated)
         * @description Employees matching every given filter, a page at a time; an evaluator
         *     searches the employees of their own units only.
         */
        get: operations["search_employees_employees_get"];
        put?: never;
        /**
         * Register an employee (ASN)
         * @description Register an employee (EmployeeRegistered); personal fields are sealed with
         *     the employee's data key. 409 if the NIP is registered already.
         */
        post: operations["register_employee_employees_post"];
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
         * One employee with the history of posts and units
         * @description One employee with the history of their posts and units (read your writes:
         *     `min_version`, the `version` a command on the employee answered).
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
    "/employees/{nip}/competencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace an employee's competencies
         * @description Replace the employee's competencies (EmployeeCompetenciesUpdated).
         */
        put: operations["update_competencies_employees__nip__competencies_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/employees/{nip}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace an employee's contact details
         * @description Replace the employee's contact details, sealed with their data key
         *     (EmployeeContactChanged); 409 once their personal data is erased.
         */
        put: operations["change_contact_employees__nip__contact_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/employees/{nip}/education": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace an employee's education history
         * @description Replace the employee's education history (EmployeeEducationUpdated).
         */
        put: operations["update_education_employees__nip__education_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/employees/{nip}/grade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give an employee another golongan/ruang
         * @description Record a new golongan/ruang with its TMT and SK (EmployeeGradeChanged).
         */
        post: operations["change_grade_employees__nip__grade_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/employees/{nip}/personal-data/erasure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase an employee's personal data (crypto-shredding)
         * @description Deletes the employee's data key: their birth date, gender and contact details become unreadable in every event, topic and replay, here and in every other service; the decisions about them stay on record. Cannot be undone; later contact changes are refused (409).
         */
        post: operations["erase_personal_data_employees__nip__personal_data_erasure_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/employees/{nip}/relatives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace an employee's relatives in the civil service (conflict-of-interest registry)
         * @description Record who in the civil service is related to the employee (EmployeeRelativesDeclared,
         *     the whole list): none of them may propose, review, decide or decree a transfer of the
         *     employee, nor head the unit they are moved to.
         */
        put: operations["declare_relatives_employees__nip__relatives_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/employees/{nip}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change an employee's status
         * @description Record an employee's new status from a date (EmployeeStatusChanged).
         */
        post: operations["change_status_employees__nip__status_post"];
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
    "/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recent import jobs with their progress
         * @description Recent import jobs, newest first, with their progress.
         */
        get: operations["list_imports_imports_get"];
        put?: never;
        /**
         * Import a SIMPEG-shaped export (JSON, or CSV of one section)
         * @description The body is the file itself (Content-Type application/json or text/csv). Answers at once with the job; follow it with GET /imports/{job_id}. Columns are documented in the service README.
         */
        post: operations["start_import_imports_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One import job: progress, counts and the per-row report
         * @description One import job: its progress, counts and the report of every refused row.
         */
        get: operations["get_import_imports__job_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/{job_id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume an interrupted import
         * @description Resume an import interrupted by a restart, from the last row it recorded.
         */
        post: operations["resume_import_imports__job_id__resume_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Posts with formasi, bezetting and gap
         * @description Every post (of one unit, with `unit_id`) with its formasi, bezetting and gap.
         */
        get: operations["list_positions_positions_get"];
        put?: never;
        /**
         * Establish a post with its formasi
         * @description Establish a post in a unit with its formasi (PositionEstablished).
         */
        post: operations["establish_position_positions_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/positions/{position_id}/formation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the formasi of a post, with a reason
         * @description Change how many holders a post may have, with the reason (FormationChanged).
         */
        post: operations["change_formation_positions__position_id__formation_post"];
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
    "/staffing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Formasi, bezetting and gap per unit and post
         * @description Formasi, bezetting and gap per unit and post, filtered; `only_gaps` for the
         *     posts short or over.
         */
        get: operations["staffing_staffing_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staffing/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Staffing rolled up by agency or by region
         * @description Formasi, bezetting and gap rolled up by agency or by region.
         */
        get: operations["staffing_summary_staffing_summary_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Units of the province (the organisation tree, flat)
         * @description Every unit, flat, filtered by kind, region or parent.
         */
        get: operations["list_units_units_get"];
        put?: never;
        /**
         * Register a unit (OPD, UPT, school, RSUD)
         * @description Register a unit of the province (UnitRegistered); 409 if the id is taken.
         */
        post: operations["register_unit_units_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units/{unit_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One unit with its posts and the units under it
         * @description One unit with its posts and the units under it (read your writes: `min_version`).
         */
        get: operations["get_unit_units__unit_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units/{unit_id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a unit
         * @description Close a unit on a date, naming its successor (UnitClosed); its posts stay on record.
         */
        post: operations["close_unit_units__unit_id__close_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units/{unit_id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Place a unit under another parent or region
         * @description Place a unit under another parent unit or in another region (UnitMoved).
         */
        post: operations["move_unit_units__unit_id__move_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units/{unit_id}/rename": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rename a unit
         * @description Give a unit its new name (UnitRenamed); the history keeps the old one.
         */
        post: operations["rename_unit_units__unit_id__rename_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units/tree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation tree: agencies and the units under them
         * @description The organisation tree: each agency with the units under it (closed ones on
         *     request).
         */
        get: operations["units_tree_units_tree_get"];
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
        /** ChangeFormationBody */
        ChangeFormationBody: {
            /** Effective Date */
            effective_date?: string | null;
            /** Formasi */
            formasi: number;
            /**
             * Reason
             * @description e.g. the ABK (workload analysis) it follows
             */
            reason: string;
        };
        /** ChangeGradeBody */
        ChangeGradeBody: {
            /**
             * Grade
             * @example III/c
             */
            grade: string;
            /** Sk Number */
            sk_number?: string | null;
            /**
             * Tmt
             * Format: date
             */
            tmt: string;
        };
        /** ChangeStatusBody */
        ChangeStatusBody: {
            /**
             * Reason
             * @default
             */
            reason: string;
            /**
             * Since
             * Format: date
             */
            since: string;
            /**
             * Status
             * @enum {string}
             */
            status: "ACTIVE" | "ON_LEAVE" | "STUDY_ASSIGNMENT" | "DISCIPLINARY" | "RETIRED" | "COURT_PROCEEDINGS" | "SERVICE_OBLIGATION" | "DECEASED";
        };
        /** CloseUnitBody */
        CloseUnitBody: {
            /**
             * Closed On
             * Format: date
             */
            closed_on: string;
            /** Reason */
            reason: string;
            /** Successor Unit Id */
            successor_unit_id?: string | null;
        };
        /**
         * ContactBody
         * @description Contact details as they enter the system: the e-mail address is validated fully here
         *     (events carry only its shape check, which every consumer can afford).
         */
        ContactBody: {
            /** Email */
            email?: string | null;
            /** Phone */
            phone?: string | null;
        };
        /**
         * Education
         * @description One completed level of education, with its field of study.
         */
        Education: {
            /**
             * Field
             * @description field of study, e.g. Pendidikan Matematika
             */
            field: string;
            /** Institution */
            institution?: string | null;
            /**
             * Level
             * @enum {string}
             */
            level: "SMA" | "D3" | "S1" | "S2" | "S3";
            /** Year */
            year?: number | null;
        };
        /** ErasureBody */
        ErasureBody: {
            /**
             * Reason
             * @description why, e.g. the legal basis of the request (UU 27/2022)
             * @example permintaan penghapusan oleh pegawai (UU 27/2022 Pasal 8)
             */
            reason: string;
        };
        /** EstablishPositionBody */
        EstablishPositionBody: {
            /** Formasi */
            formasi: number;
            /**
             * Grade Max
             * @example IV/b
             */
            grade_max?: string | null;
            /**
             * Grade Min
             * @example III/a
             */
            grade_min?: string | null;
            /**
             * Is Head Of Unit
             * @default false
             */
            is_head_of_unit: boolean;
            /**
             * Jabatan Type
             * @enum {string}
             */
            jabatan_type: "STRUKTURAL" | "FUNGSIONAL" | "PELAKSANA";
            /** Position Id */
            position_id: string;
            /** Required Education Fields */
            required_education_fields?: string[];
            /** Required Education Levels */
            required_education_levels?: ("SMA" | "D3" | "S1" | "S2" | "S3")[];
            /** Title */
            title: string;
            /** Unit Id */
            unit_id: string;
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
        /** MoveUnitBody */
        MoveUnitBody: {
            /** Parent Unit Id */
            parent_unit_id: string | null;
            /** Region */
            region: string;
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
        /** RegisterEmployeeBody */
        RegisterEmployeeBody: {
            /**
             * Birth Date
             * Format: date
             */
            birth_date: string;
            /** Competencies */
            competencies?: string[];
            contact?: components["schemas"]["ContactBody"] | null;
            /** Education */
            education?: components["schemas"]["Education"][];
            /**
             * Gender
             * @enum {string}
             */
            gender: "M" | "F";
            /**
             * Grade
             * @description golongan/ruang
             * @example III/a
             */
            grade: string;
            /** Name */
            name: string;
            /**
             * Nip
             * @example 198609262015051001
             */
            nip: string;
            /** Position Id */
            position_id: string;
            /**
             * Status
             * @default ACTIVE
             * @enum {string}
             */
            status: "ACTIVE" | "ON_LEAVE" | "STUDY_ASSIGNMENT" | "DISCIPLINARY" | "RETIRED" | "COURT_PROCEEDINGS" | "SERVICE_OBLIGATION" | "DECEASED";
            /**
             * Tmt Position
             * Format: date
             */
            tmt_position: string;
            /** Unit Id */
            unit_id: string;
        };
        /** RegisterUnitBody */
        RegisterUnitBody: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "OPD" | "UPT" | "SMA" | "SMK" | "SLB" | "RSUD";
            /** Name */
            name: string;
            /** Parent Unit Id */
            parent_unit_id?: string | null;
            /**
             * Region
             * @description regency or city
             */
            region: string;
            /** Unit Id */
            unit_id: string;
        };
        /** RelativeIn */
        RelativeIn: {
            /**
             * Nip
             * @description 18-digit NIP
             */
            nip: string;
            /**
             * Relation
             * @description SPOUSE, PARENT, CHILD, SIBLING or IN_LAW
             * @enum {string}
             */
            relation: "SPOUSE" | "PARENT" | "CHILD" | "SIBLING" | "IN_LAW";
        };
        /** RelativesBody */
        RelativesBody: {
            /** Relatives */
            relatives?: components["schemas"]["RelativeIn"][];
        };
        /** RenameUnitBody */
        RenameUnitBody: {
            /** Name */
            name: string;
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
    search_employees_employees_get: {
        parameters: {
            query?: {
                agency_id?: string | null;
                /** @description a calendar date, YYYY-MM-DD, in 1900-2199 */
                as_of?: string | null;
                education_field?: string | null;
                education_level?: ("SMA" | "D3" | "S1" | "S2" | "S3") | null;
                grade?: string | null;
                max_years_in_post?: number | null;
                min_years_in_post?: number | null;
                page?: number;
                page_size?: number;
                status?: ("ACTIVE" | "ON_LEAVE" | "STUDY_ASSIGNMENT" | "DISCIPLINARY" | "RETIRED" | "COURT_PROCEEDINGS" | "SERVICE_OBLIGATION" | "DECEASED") | null;
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
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    register_employee_employees_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterEmployeeBody"];
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
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    get_employee_employees__nip__get: {
        parameters: {
            query?: {
                /** @description Read your own write: wait (at most 5 s) until the read model holds at least this version of the record, the `version` (or `ETag`) a command answered; 503 with Retry-After if it does not by then. */
                min_version?: number | null;
            };
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
    update_competencies_employees__nip__competencies_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the employee's NIP (18 digits) */
                nip: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": string[];
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
    change_contact_employees__nip__contact_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the employee's NIP (18 digits) */
                nip: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactBody"];
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
    update_education_employees__nip__education_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the employee's NIP (18 digits) */
                nip: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Education"][];
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
    change_grade_employees__nip__grade_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the employee's NIP (18 digits) */
                nip: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeGradeBody"];
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
    erase_personal_data_employees__nip__personal_data_erasure_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the employee's NIP (18 digits) */
                nip: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ErasureBody"];
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
    declare_relatives_employees__nip__relatives_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the employee's NIP (18 digits) */
                nip: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RelativesBody"];
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
    change_status_employees__nip__status_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the employee's NIP (18 digits) */
                nip: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeStatusBody"];
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
    list_imports_imports_get: {
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
    start_import_imports_post: {
        parameters: {
            query?: {
                /** @description default: from Content-Type */
                format?: ("json" | "csv") | null;
                /** @description the file name, for the report */
                name?: string;
                /** @description for CSV: which section the file holds */
                section?: "units" | "positions" | "employees";
            };
            header?: never;
            path?: never;
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
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    get_import_imports__job_id__get: {
        parameters: {
            query?: {
                /** @description report entries to return */
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                job_id: string;
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
    resume_import_imports__job_id__resume_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
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
                        [key: string]: unknown;
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
    list_positions_positions_get: {
        parameters: {
            query?: {
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
    establish_position_positions_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EstablishPositionBody"];
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
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    change_formation_positions__position_id__formation_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                position_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeFormationBody"];
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
    staffing_staffing_get: {
        parameters: {
            query?: {
                agency_id?: string | null;
                kind?: ("OPD" | "UPT" | "SMA" | "SMK" | "SLB" | "RSUD") | null;
                /** @description only posts with a shortage or surplus */
                only_gaps?: boolean;
                region?: string | null;
                /** @description part of the post title, e.g. Matematika */
                title?: string | null;
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
    staffing_summary_staffing_summary_get: {
        parameters: {
            query?: {
                by?: "agency" | "region";
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
    list_units_units_get: {
        parameters: {
            query?: {
                kind?: ("OPD" | "UPT" | "SMA" | "SMK" | "SLB" | "RSUD") | null;
                parent_unit_id?: string | null;
                region?: string | null;
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
    register_unit_units_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterUnitBody"];
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
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            503: components["responses"]["Unavailable"];
        };
    };
    get_unit_units__unit_id__get: {
        parameters: {
            query?: {
                /** @description Read your own write: wait (at most 5 s) until the read model holds at least this version of the record, the `version` (or `ETag`) a command answered; 503 with Retry-After if it does not by then. */
                min_version?: number | null;
            };
            header?: never;
            path: {
                unit_id: string;
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
    close_unit_units__unit_id__close_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseUnitBody"];
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
    move_unit_units__unit_id__move_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveUnitBody"];
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
    rename_unit_units__unit_id__rename_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenameUnitBody"];
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
    units_tree_units_tree_get: {
        parameters: {
            query?: {
                include_closed?: boolean;
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
}
