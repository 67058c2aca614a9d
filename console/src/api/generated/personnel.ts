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
    "/employees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search employees (paginated) */
        get: operations["search_employees_employees_get"];
        put?: never;
        /** Register an employee (ASN) */
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
        /** One employee with the history of posts and units */
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
        /** Replace an employee's competencies */
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
        /** Replace an employee's contact details */
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
        /** Replace an employee's education history */
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
        /** Give an employee another golongan/ruang */
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
    "/employees/{nip}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change an employee's status */
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
    "/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent import jobs with their progress */
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
        /** One import job: progress, counts and the per-row report */
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
        /** Resume an interrupted import */
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
        /** Posts with formasi, bezetting and gap */
        get: operations["list_positions_positions_get"];
        put?: never;
        /** Establish a post with its formasi */
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
        /** Change the formasi of a post, with a reason */
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
    "/staffing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Formasi, bezetting and gap per unit and post */
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
        /** Staffing rolled up by agency or by region */
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
        /** Units of the province (the organisation tree, flat) */
        get: operations["list_units_units_get"];
        put?: never;
        /** Register a unit (OPD, UPT, school, RSUD) */
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
        /** One unit with its posts and the units under it */
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
        /** Close a unit */
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
        /** Place a unit under another parent or region */
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
        /** Rename a unit */
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
        /** The organisation tree: agencies and the units under them */
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
            status: "ACTIVE" | "ON_LEAVE" | "STUDY_ASSIGNMENT" | "DISCIPLINARY" | "RETIRED";
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
        /** HTTPValidationError */
        HTTPValidationError: {
            /** Detail */
            detail?: components["schemas"]["ValidationError"][];
        };
        /** MoveUnitBody */
        MoveUnitBody: {
            /** Parent Unit Id */
            parent_unit_id: string | null;
            /** Region */
            region: string;
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
            status: "ACTIVE" | "ON_LEAVE" | "STUDY_ASSIGNMENT" | "DISCIPLINARY" | "RETIRED";
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
    search_employees_employees_get: {
        parameters: {
            query?: {
                /** @description the OPD the unit rolls up to */
                agency_id?: string | null;
                /** @description date years in post are counted to (today) */
                as_of?: string | null;
                education_field?: string | null;
                education_level?: ("SMA" | "D3" | "S1" | "S2" | "S3") | null;
                grade?: string | null;
                max_years_in_post?: number | null;
                min_years_in_post?: number | null;
                page?: number;
                page_size?: number;
                status?: ("ACTIVE" | "ON_LEAVE" | "STUDY_ASSIGNMENT" | "DISCIPLINARY" | "RETIRED") | null;
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
    get_employee_employees__nip__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
    update_competencies_employees__nip__competencies_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
    change_contact_employees__nip__contact_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
    update_education_employees__nip__education_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
    change_grade_employees__nip__grade_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
    erase_personal_data_employees__nip__personal_data_erasure_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
    change_status_employees__nip__status_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
    staffing_staffing_get: {
        parameters: {
            query?: {
                /** @description the OPD the unit rolls up to */
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
    get_unit_units__unit_id__get: {
        parameters: {
            query?: never;
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
