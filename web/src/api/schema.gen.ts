/**
 * Generated from the server's OpenAPI document (the route schemas in src/): do not edit.
 * Regenerate with `npm run gen:api` (node --import tsx scripts/gen-api-types.ts).
 */

export interface paths {
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description login name or phone number */
                        login: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            operator: {
                                id: string;
                                name: string;
                                loginName: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            operator: {
                                id: string;
                                name: string;
                                loginName: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/corp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current enterprise profile */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            shortName: string;
                            /** @enum {unknown} */
                            industry: "general" | "home_school" | "government" | "education" | "other";
                            /** @enum {unknown} */
                            language: "zh-CN" | "en";
                            certifiedUntil: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        shortName?: string;
                        /** @enum {unknown} */
                        industry?: "general" | "home_school" | "government" | "education" | "other";
                        /** @enum {unknown} */
                        language?: "zh-CN" | "en";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            shortName: string;
                            /** @enum {unknown} */
                            industry: "general" | "home_school" | "government" | "education" | "other";
                            /** @enum {unknown} */
                            language: "zh-CN" | "en";
                            certifiedUntil: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/operator/corps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                shortName: string;
                                /** @enum {unknown} */
                                industry: "general" | "home_school" | "government" | "education" | "other";
                                /** @enum {unknown} */
                                language: "zh-CN" | "en";
                                certifiedUntil: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/corps/{corpId}/certification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Certify an enterprise until a date, or withdraw it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    corpId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        certifiedUntil: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            shortName: string;
                            /** @enum {unknown} */
                            industry: "general" | "home_school" | "government" | "education" | "other";
                            /** @enum {unknown} */
                            language: "zh-CN" | "en";
                            certifiedUntil: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The department tree the actor reads, parents first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                parentId: string | null;
                                name: string;
                                sortOrder: number;
                                depth: number;
                                /** @description active and disabled members sitting directly in the department */
                                memberCount: number;
                                /** @description active and disabled members of the department and its sub-departments, each counted once */
                                totalMemberCount: number;
                                heads: {
                                    id: string;
                                    name: string;
                                }[];
                                manageable: boolean;
                            }[];
                            canManage: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a department at the end of its parent */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        parentId: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/departments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an empty department */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a department */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/api/v1/contacts/departments/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a subtree under a parent at a position (same parent: reorder) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        parentId: string;
                        /** @description position among the new siblings; the end when absent */
                        index?: number;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/departments/{id}/heads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the department heads (部门负责人) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberIds: string[];
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search and list members, ordered by pinyin: by cursor, or by offset with the total for page numbers */
        get: {
            parameters: {
                query?: {
                    departmentId?: string;
                    /** @description with departmentId: the whole subtree */
                    includeSub?: boolean;
                    /** @description name, pinyin initials, full pinyin, phone or userid */
                    q?: string;
                    status?: "active" | "disabled" | "departed";
                    /** @description not_activated: no account linked yet; activated: an account is linked; disabled; departed */
                    activation?: "not_activated" | "activated" | "disabled" | "departed";
                    cursor?: string;
                    /** @description skip this many members (page numbers); not with cursor */
                    offset?: number;
                    /** @description also count the members the filter matches (total) */
                    withTotal?: boolean;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                userid: string;
                                name: string;
                                phone: string | null;
                                email: string | null;
                                position: string | null;
                                status: "active" | "disabled" | "departed";
                                mainDepartmentId: string;
                                departments: {
                                    id: string;
                                    name: string;
                                }[];
                                headOf: string[];
                                linked: boolean;
                                /**
                                 * @description not_activated: no account linked yet; activated: an account is linked; disabled; departed
                                 * @enum {unknown}
                                 */
                                activation: "not_activated" | "activated" | "disabled" | "departed";
                                /** Format: date-time */
                                joinedAt: string;
                                departedAt: string | null;
                                editable: boolean;
                                removable: boolean;
                            }[];
                            nextCursor: string | null;
                            /** @description with withTotal: how many members the same filter matches */
                            total?: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a member */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        userid: string;
                        phone?: string | null;
                        email?: string | null;
                        position?: string | null;
                        departmentIds: string[];
                        mainDepartmentId?: string;
                        /** Format: date-time */
                        joinedAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            userid: string;
                            name: string;
                            phone: string | null;
                            email: string | null;
                            position: string | null;
                            status: "active" | "disabled" | "departed";
                            mainDepartmentId: string;
                            departments: {
                                id: string;
                                name: string;
                            }[];
                            headOf: string[];
                            linked: boolean;
                            /**
                             * @description not_activated: no account linked yet; activated: an account is linked; disabled; departed
                             * @enum {unknown}
                             */
                            activation: "not_activated" | "activated" | "disabled" | "departed";
                            /** Format: date-time */
                            joinedAt: string;
                            departedAt: string | null;
                            editable: boolean;
                            removable: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/members/activation-counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many members the actor reads are not activated, activated, disabled, departed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            not_activated: number;
                            activated: number;
                            disabled: number;
                            departed: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One member */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            userid: string;
                            name: string;
                            phone: string | null;
                            email: string | null;
                            position: string | null;
                            status: "active" | "disabled" | "departed";
                            mainDepartmentId: string;
                            departments: {
                                id: string;
                                name: string;
                            }[];
                            headOf: string[];
                            linked: boolean;
                            /**
                             * @description not_activated: no account linked yet; activated: an account is linked; disabled; departed
                             * @enum {unknown}
                             */
                            activation: "not_activated" | "activated" | "disabled" | "departed";
                            /** Format: date-time */
                            joinedAt: string;
                            departedAt: string | null;
                            editable: boolean;
                            removable: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a member from the contacts */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit a member */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        phone?: string | null;
                        email?: string | null;
                        position?: string | null;
                        departmentIds?: string[];
                        mainDepartmentId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            userid: string;
                            name: string;
                            phone: string | null;
                            email: string | null;
                            position: string | null;
                            status: "active" | "disabled" | "departed";
                            mainDepartmentId: string;
                            departments: {
                                id: string;
                                name: string;
                            }[];
                            headOf: string[];
                            linked: boolean;
                            /**
                             * @description not_activated: no account linked yet; activated: an account is linked; disabled; departed
                             * @enum {unknown}
                             */
                            activation: "not_activated" | "activated" | "disabled" | "departed";
                            /** Format: date-time */
                            joinedAt: string;
                            departedAt: string | null;
                            editable: boolean;
                            removable: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/contacts/members/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable (禁用) or enable a member */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        status: "active" | "disabled";
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/members/{id}/depart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a member departed (离职); their admin roles go with it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tags (标签) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                memberCount: number;
                                departmentCount: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a tag */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/tags/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a tag */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a tag */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/api/v1/contacts/tags/{id}/holders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members and departments holding a tag */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                id: string;
                                name: string;
                                userid: string;
                            }[];
                            departments: {
                                id: string;
                                name: string;
                            }[];
                            reach: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add or remove tag holders */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        add?: {
                            memberIds?: string[];
                            departmentIds?: string[];
                        };
                        remove?: {
                            memberIds?: string[];
                            departmentIds?: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                id: string;
                                name: string;
                                userid: string;
                            }[];
                            departments: {
                                id: string;
                                name: string;
                            }[];
                            reach: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload an .xlsx or .csv file (multipart/form-data: kind, format, file; at most 20 MiB) to import as a job */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        kind: "members" | "departments";
                        format: "xlsx" | "csv";
                        /**
                         * Format: binary
                         * @description the .xlsx or .csv file, at most 20 MiB (20,971,520 bytes)
                         */
                        file: Blob;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress and outcome of an import */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: "queued" | "running" | "done" | "failed";
                            done: number;
                            total: number | null;
                            result: {
                                created: number;
                            } | null;
                            error: {
                                code: string;
                                message: string;
                                rows: {
                                    row: number;
                                    field: string;
                                    reason: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download members or departments as .xlsx or .csv (UTF-8 with BOM) */
        get: {
            parameters: {
                query: {
                    kind: "members" | "departments";
                    format: "xlsx" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Apps the actor holds a right on */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: "system" | "custom";
                                name: string;
                                description: string;
                                visibleRange: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                } | null;
                                myRight: "send" | "manage" | null;
                                createdAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a custom app; its secret is shown only in this response */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description: string;
                        visibleRange: {
                            memberIds: string[];
                            departmentIds: string[];
                            tagIds: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            app: {
                                id: string;
                                kind: "system" | "custom";
                                name: string;
                                description: string;
                                visibleRange: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                } | null;
                                myRight: "send" | "manage" | null;
                                createdAt: string | null;
                            };
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string;
                        visibleRange?: {
                            memberIds: string[];
                            departmentIds: string[];
                            tagIds: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "system" | "custom";
                            name: string;
                            description: string;
                            visibleRange: {
                                memberIds: string[];
                                departmentIds: string[];
                                tagIds: string[];
                            } | null;
                            myRight: "send" | "manage" | null;
                            createdAt: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/apps/{appId}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the secret; shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send an app message (发消息) to members inside the sender's contacts rights */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        recipients: {
                            memberIds?: string[];
                            departmentIds?: string[];
                            tagIds?: string[];
                        };
                        title: string;
                        body: string;
                        idempotencyKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            delivered: number;
                            reached: number;
                            outOfScope: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/messages/{idempotencyKey}/recall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recall (撤回) a message the app sent with this idempotency key, within 24 hours: it leaves every inbox it reached */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    idempotencyKey: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Devices the actor manages */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                serial: string;
                                model: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Bind a new device (绑定新硬件) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        serial: string;
                        model: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            serial: string;
                            model: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{deviceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    deviceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    deviceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            serial: string;
                            model: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Creator, super admins, admin groups and hierarchical admins */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            creator: {
                                accountId: string;
                                name: string;
                                memberId: string | null;
                            };
                            superAdmins: {
                                accountId: string;
                                name: string;
                                loginName: string;
                                kind: "internal" | "external";
                                memberId: string | null;
                            }[];
                            superGroup: {
                                name: string;
                                accountIds: string[];
                            };
                            groups: {
                                id: string;
                                name: string;
                                rights: {
                                    departmentIds: string[];
                                    apps: {
                                        appId: string;
                                        level: "send" | "manage";
                                    }[];
                                    deviceBind: boolean;
                                    deviceIds: string[];
                                };
                                memberIds: string[];
                            }[];
                            admins: {
                                memberId: string;
                                name: string;
                                groupId: string | null;
                                rights: {
                                    departmentIds: string[];
                                    apps: {
                                        appId: string;
                                        level: "send" | "manage";
                                    }[];
                                    deviceBind: boolean;
                                    deviceIds: string[];
                                };
                                effective: {
                                    departmentIds: string[];
                                    apps: {
                                        appId: string;
                                        level: "send" | "manage";
                                    }[];
                                    deviceBind: boolean;
                                    deviceIds: string[];
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admins/grantable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rights the acting admin may give */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            all: boolean;
                            canGrant: boolean;
                            departments: {
                                id: string;
                                name: string;
                                parentId: string | null;
                                path: string;
                            }[];
                            apps: {
                                appId: string;
                                name: string;
                                level: "send" | "manage";
                            }[];
                            deviceBind: boolean;
                            devices: {
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admins/creator/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Transfer the creator role (creator only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberId: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admins/super": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an internal super admin (a member) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberId: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admins/external": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an external super admin (代运营) by login name (creator only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        loginName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admins/super/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a super admin */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an admin group */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        rights: {
                            departmentIds: string[];
                            apps: {
                                appId: string;
                                level: "send" | "manage";
                            }[];
                            deviceBind: boolean;
                            deviceIds: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin-groups/{groupId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a group or replace its rights (every member's at once) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        rights?: {
                            departmentIds: string[];
                            apps: {
                                appId: string;
                                level: "send" | "manage";
                            }[];
                            deviceBind: boolean;
                            deviceIds: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admins/hierarchical": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a member a hierarchical admin */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberId: string;
                        groupId?: string | null;
                        rights?: {
                            departmentIds: string[];
                            apps: {
                                appId: string;
                                level: "send" | "manage";
                            }[];
                            deviceBind: boolean;
                            deviceIds: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admins/hierarchical/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a hierarchical admin's group or own rights */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        groupId?: string | null;
                        rights?: {
                            departmentIds: string[];
                            apps: {
                                appId: string;
                                level: "send" | "manage";
                            }[];
                            deviceBind: boolean;
                            deviceIds: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/api/v1/api-tokens/rights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rights that can be given to a token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                key: string;
                                label: {
                                    zh: string;
                                    en: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                rights: string[];
                                /** Format: date-time */
                                createdAt: string;
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a token; the secret is shown only in this response */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        rights: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: {
                                id: string;
                                name: string;
                                rights: string[];
                                /** Format: date-time */
                                createdAt: string;
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            };
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tokenId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the enterprise's audit log, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    /** @description prefix of the action, e.g. `auth.` or `corp.update` */
                    action?: string;
                    actorId?: string;
                    /** @description `refused`: an attempt that was refused; nothing else of it was written */
                    outcome?: "done" | "refused";
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** Format: date-time */
                                at: string;
                                actor: {
                                    kind: string;
                                    id: string;
                                    name: string;
                                    /** @description the actor's role in the enterprise now (`creator`: 创建者) */
                                    role: "creator" | "super_admin" | "hierarchical_admin" | "member" | "external" | "token" | "operator" | "account" | "system";
                                };
                                action: string;
                                target: {
                                    type: string;
                                    id: string;
                                    /** @description what the target is called; null when it has no name */
                                    name: string | null;
                                };
                                ip: string | null;
                                /** @description `refused`: an attempt that was refused; nothing else of it was written */
                                outcome: "done" | "refused";
                                before: unknown;
                                after: unknown;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every kind of action the audit log records, with its name and sentence in both languages */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                label: {
                                    zh: string;
                                    en: string;
                                };
                                /** @description `{actor}` and `{target}` stand for the names */
                                sentence: {
                                    zh: string;
                                    en: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the filtered audit log as .xlsx (streamed), sentences in the language asked */
        get: {
            parameters: {
                query: {
                    /** @description prefix of the action, e.g. `auth.` or `corp.update` */
                    action?: string;
                    actorId?: string;
                    /** @description `refused`: an attempt that was refused; nothing else of it was written */
                    outcome?: "done" | "refused";
                    from?: string;
                    to?: string;
                    /** @description the language of the headers and the words the export writes */
                    lang: "zh-CN" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and register its first enterprise */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        account: {
                            name: string;
                            /** @description starts with a letter; 3–32 letters, digits, _ . - */
                            loginName: string;
                            phone?: string;
                            password: string;
                        };
                        corp: {
                            name: string;
                            shortName: string;
                            /** @enum {unknown} */
                            industry: "general" | "home_school" | "government" | "education" | "other";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            me: {
                                account: {
                                    id: string;
                                    name: string;
                                    loginName: string;
                                    phone: string | null;
                                };
                                corps: {
                                    id: string;
                                    name: string;
                                    shortName: string;
                                    isCreator: boolean;
                                }[];
                                currentCorp: {
                                    id: string;
                                    name: string;
                                    shortName: string;
                                    /** @enum {unknown} */
                                    industry: "general" | "home_school" | "government" | "education" | "other";
                                    /** @enum {unknown} */
                                    language: "zh-CN" | "en";
                                    certifiedUntil: string | null;
                                } | null;
                                member: {
                                    id: string;
                                    name: string;
                                } | null;
                                roles: {
                                    creator: boolean;
                                    superAdmin: boolean;
                                    hierarchicalAdmin: boolean;
                                };
                                /** @description an admin asked for a new password: the console shows only the set-password step */
                                newPasswordRequired: boolean;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/corps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register another enterprise as the signed-in account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        shortName: string;
                        /** @enum {unknown} */
                        industry: "general" | "home_school" | "government" | "education" | "other";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            me: {
                                account: {
                                    id: string;
                                    name: string;
                                    loginName: string;
                                    phone: string | null;
                                };
                                corps: {
                                    id: string;
                                    name: string;
                                    shortName: string;
                                    isCreator: boolean;
                                }[];
                                currentCorp: {
                                    id: string;
                                    name: string;
                                    shortName: string;
                                    /** @enum {unknown} */
                                    industry: "general" | "home_school" | "government" | "education" | "other";
                                    /** @enum {unknown} */
                                    language: "zh-CN" | "en";
                                    certifiedUntil: string | null;
                                } | null;
                                member: {
                                    id: string;
                                    name: string;
                                } | null;
                                roles: {
                                    creator: boolean;
                                    superAdmin: boolean;
                                    hierarchicalAdmin: boolean;
                                };
                                /** @description an admin asked for a new password: the console shows only the set-password step */
                                newPasswordRequired: boolean;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in by login name or phone */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description login name or phone number */
                        login: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            me: {
                                account: {
                                    id: string;
                                    name: string;
                                    loginName: string;
                                    phone: string | null;
                                };
                                corps: {
                                    id: string;
                                    name: string;
                                    shortName: string;
                                    isCreator: boolean;
                                }[];
                                currentCorp: {
                                    id: string;
                                    name: string;
                                    shortName: string;
                                    /** @enum {unknown} */
                                    industry: "general" | "home_school" | "government" | "education" | "other";
                                    /** @enum {unknown} */
                                    language: "zh-CN" | "en";
                                    certifiedUntil: string | null;
                                } | null;
                                member: {
                                    id: string;
                                    name: string;
                                } | null;
                                roles: {
                                    creator: boolean;
                                    superAdmin: boolean;
                                    hierarchicalAdmin: boolean;
                                };
                                /** @description an admin asked for a new password: the console shows only the set-password step */
                                newPasswordRequired: boolean;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in account and its enterprises */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            me: {
                                account: {
                                    id: string;
                                    name: string;
                                    loginName: string;
                                    phone: string | null;
                                };
                                corps: {
                                    id: string;
                                    name: string;
                                    shortName: string;
                                    isCreator: boolean;
                                }[];
                                currentCorp: {
                                    id: string;
                                    name: string;
                                    shortName: string;
                                    /** @enum {unknown} */
                                    industry: "general" | "home_school" | "government" | "education" | "other";
                                    /** @enum {unknown} */
                                    language: "zh-CN" | "en";
                                    certifiedUntil: string | null;
                                } | null;
                                member: {
                                    id: string;
                                    name: string;
                                } | null;
                                roles: {
                                    creator: boolean;
                                    superAdmin: boolean;
                                    hierarchicalAdmin: boolean;
                                };
                                /** @description an admin asked for a new password: the console shows only the set-password step */
                                newPasswordRequired: boolean;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/current-corp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Switch to another enterprise */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        corpId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            me: {
                                account: {
                                    id: string;
                                    name: string;
                                    loginName: string;
                                    phone: string | null;
                                };
                                corps: {
                                    id: string;
                                    name: string;
                                    shortName: string;
                                    isCreator: boolean;
                                }[];
                                currentCorp: {
                                    id: string;
                                    name: string;
                                    shortName: string;
                                    /** @enum {unknown} */
                                    industry: "general" | "home_school" | "government" | "education" | "other";
                                    /** @enum {unknown} */
                                    language: "zh-CN" | "en";
                                    certifiedUntil: string | null;
                                } | null;
                                member: {
                                    id: string;
                                    name: string;
                                } | null;
                                roles: {
                                    creator: boolean;
                                    superAdmin: boolean;
                                    hierarchicalAdmin: boolean;
                                };
                                /** @description an admin asked for a new password: the console shows only the set-password step */
                                newPasswordRequired: boolean;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/members/{id}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member’s latest invitation (its link is shown only when made) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            invitation: {
                                id: string;
                                memberId: string;
                                status: "pending" | "used" | "expired" | "revoked";
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Invite (or invite again) a member not yet activated: a one-time link for 7 days */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            invitation: {
                                id: string;
                                memberId: string;
                                status: "pending" | "used" | "expired" | "revoked";
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                            };
                            link: {
                                path: string;
                                url: string;
                            };
                            delivery: {
                                /** @description mailed to the member; otherwise the admin hands the link over */
                                delivered: boolean;
                                reason?: "no_smtp" | "no_address" | "failed";
                            };
                        };
                    };
                };
            };
        };
        /** Withdraw the member’s waiting invitation */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/join-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Joining by the enterprise link: settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            review: boolean;
                            departmentId: string | null;
                            departmentName: string | null;
                            rotatedAt: string | null;
                        };
                    };
                };
            };
        };
        /** Turn joining by link on or off, with or without review (the first time, the link is returned once) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        review: boolean;
                        departmentId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: {
                                enabled: boolean;
                                review: boolean;
                                departmentId: string | null;
                                departmentName: string | null;
                                rotatedAt: string | null;
                            };
                            link: {
                                path: string;
                                url: string;
                            } | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/join-link/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new join link; the old one stops working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: {
                                enabled: boolean;
                                review: boolean;
                                departmentId: string | null;
                                departmentName: string | null;
                                rotatedAt: string | null;
                            };
                            link: {
                                path: string;
                                url: string;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/join-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待审核: people waiting to join */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                loginName: string;
                                departmentId: string;
                                departmentName: string | null;
                                /** Format: date-time */
                                requestedAt: string;
                                decidable: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/join-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Let the person join */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/join-requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse the request */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What an invitation link is for */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the token of the link, as the page address carries it */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            corpName: string;
                            memberName: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign up or in with an invitation link: the account becomes the member (已激活) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the token of the link, as the page address carries it */
                        token: string;
                        signUp: {
                            name: string;
                            /** @description starts with a letter; 3–32 letters, digits, _ . - */
                            loginName: string;
                            phone?: string;
                            password: string;
                        };
                    } | {
                        /** @description the token of the link, as the page address carries it */
                        token: string;
                        signIn: {
                            /** @description login name or phone number */
                            login: string;
                            password: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            me: {
                                account: {
                                    id: string;
                                    name: string;
                                    loginName: string;
                                    phone: string | null;
                                };
                                corps: {
                                    id: string;
                                    name: string;
                                    shortName: string;
                                    isCreator: boolean;
                                }[];
                                currentCorp: {
                                    id: string;
                                    name: string;
                                    shortName: string;
                                    /** @enum {unknown} */
                                    industry: "general" | "home_school" | "government" | "education" | "other";
                                    /** @enum {unknown} */
                                    language: "zh-CN" | "en";
                                    certifiedUntil: string | null;
                                } | null;
                                member: {
                                    id: string;
                                    name: string;
                                } | null;
                                roles: {
                                    creator: boolean;
                                    superAdmin: boolean;
                                    hierarchicalAdmin: boolean;
                                };
                                /** @description an admin asked for a new password: the console shows only the set-password step */
                                newPasswordRequired: boolean;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/join/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a join link is for */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the token of the link, as the page address carries it */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            corpName: string;
                            departmentName: string;
                            review: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign up or in with the enterprise link: join at once, or wait for an admin’s review */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the token of the link, as the page address carries it */
                        token: string;
                        signUp: {
                            name: string;
                            /** @description starts with a letter; 3–32 letters, digits, _ . - */
                            loginName: string;
                            phone?: string;
                            password: string;
                        };
                    } | {
                        /** @description the token of the link, as the page address carries it */
                        token: string;
                        signIn: {
                            /** @description login name or phone number */
                            login: string;
                            password: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            outcome: "joined" | "pending";
                            me: {
                                account: {
                                    id: string;
                                    name: string;
                                    loginName: string;
                                    phone: string | null;
                                };
                                corps: {
                                    id: string;
                                    name: string;
                                    shortName: string;
                                    isCreator: boolean;
                                }[];
                                currentCorp: {
                                    id: string;
                                    name: string;
                                    shortName: string;
                                    /** @enum {unknown} */
                                    industry: "general" | "home_school" | "government" | "education" | "other";
                                    /** @enum {unknown} */
                                    language: "zh-CN" | "en";
                                    certifiedUntil: string | null;
                                } | null;
                                member: {
                                    id: string;
                                    name: string;
                                } | null;
                                roles: {
                                    creator: boolean;
                                    superAdmin: boolean;
                                    hierarchicalAdmin: boolean;
                                };
                                /** @description an admin asked for a new password: the console shows only the set-password step */
                                newPasswordRequired: boolean;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/forgot-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a password reset link to the login’s e-mail address; the answer is the same whether or not the login exists */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description login name or phone number */
                        login: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Whose password a reset link sets */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the token of the link, as the page address carries it */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            corpName: string;
                            name: string;
                            loginName: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with a reset link; every session of the account ends */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the token of the link, as the page address carries it */
                        token: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/members/{id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A password reset link for the member (shown once; mailed when SMTP and an address allow) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            link: {
                                path: string;
                                url: string;
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            delivery: {
                                /** @description mailed to the member; otherwise the admin hands the link over */
                                delivered: boolean;
                                reason?: "no_smtp" | "no_address" | "failed";
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/members/{id}/force-password-change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The member must set a new password at the next sign-in, before anything else */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/members/{id}/sign-out-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of the member’s login */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/corp/sso/oidc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The enterprise identity provider (never the secret) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            configured: boolean;
                            displayName: string;
                            issuer: string;
                            clientId: string;
                            hasSecret: boolean;
                            claim: string;
                            /** @description what the claim carries: the member userid or the e-mail */
                            matchBy: "userid" | "email";
                            autoCreate: boolean;
                            /** @description the redirect URI to register with the provider (from --public-url) */
                            callbackUrl: string;
                        };
                    };
                };
            };
        };
        /** Configure the enterprise identity provider (OpenID Connect) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description shown on the sign-in page: 使用 <displayName> 登录 */
                        displayName: string;
                        /** Format: uri */
                        issuer: string;
                        clientId: string;
                        /** @description write-only; omit to keep the saved one */
                        clientSecret?: string;
                        claim: string;
                        /** @description what the claim carries: the member userid or the e-mail */
                        matchBy: "userid" | "email";
                        /** @description create a member for an unknown person (default: refuse) */
                        autoCreate: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            configured: boolean;
                            displayName: string;
                            issuer: string;
                            clientId: string;
                            hasSecret: boolean;
                            claim: string;
                            /** @description what the claim carries: the member userid or the e-mail */
                            matchBy: "userid" | "email";
                            autoCreate: boolean;
                            /** @description the redirect URI to register with the provider (from --public-url) */
                            callbackUrl: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/{corpId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether an enterprise signs in through a provider, and its name */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    corpId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            configured: boolean;
                            displayName: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/{corpId}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Go to the enterprise identity provider to sign in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    corpId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the identity provider sends the person back */
        get: {
            parameters: {
                query?: {
                    state?: string;
                    code?: string;
                    error?: string;
                    error_description?: string;
                    iss?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/category/taxonomy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 经营类目适用范围: every category with its scope */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                level1: string;
                                level2: string | null;
                                scope: string;
                                en: {
                                    level1: string;
                                    level2: string | null;
                                    scope: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/category": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The enterprise's business category and its review status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: {
                                code: string;
                                level1: string;
                                level2: string | null;
                                scope: string;
                                status: "review" | "approved" | "rejected";
                                /** Format: date-time */
                                chosenAt: string;
                                chosenBy: string;
                                reviewedAt: string | null;
                                reviewNote: string | null;
                            } | null;
                            inEffect: {
                                code: string;
                                level1: string;
                                level2: string | null;
                                scope: string;
                                /** Format: date-time */
                                approvedAt: string;
                            } | null;
                            mayChoose: boolean;
                        };
                    };
                };
            };
        };
        /** Choose or change the one business category (super admin or business owner) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: {
                                code: string;
                                level1: string;
                                level2: string | null;
                                scope: string;
                                status: "review" | "approved" | "rejected";
                                /** Format: date-time */
                                chosenAt: string;
                                chosenBy: string;
                                reviewedAt: string | null;
                                reviewNote: string | null;
                            } | null;
                            inEffect: {
                                code: string;
                                level1: string;
                                level2: string | null;
                                scope: string;
                                /** Format: date-time */
                                approvedAt: string;
                            } | null;
                            mayChoose: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/category/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Business owners (业务负责人) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                memberId: string;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/category/owners/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Designate a business owner */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** Remove a business owner */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/category/external-profile/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's external profile as a customer sees it (企业未完善 while unset) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            memberId: string;
                            memberName: string;
                            corpShortName: string;
                            incomplete: boolean;
                            category: {
                                level1: string;
                                level2: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/category-reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Business category choices waiting for review */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                corpId: string;
                                corpName: string;
                                code: string;
                                level1: string;
                                level2: string | null;
                                scope: string;
                                en: {
                                    level1: string;
                                    level2: string | null;
                                    scope: string;
                                };
                                version: number;
                                /** Format: date-time */
                                chosenAt: string;
                                chosenBy: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/corps/{corpId}/category-review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Approve or reject a business category choice */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    corpId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                        decision: "approved" | "rejected";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: {
                                code: string;
                                level1: string;
                                level2: string | null;
                                scope: string;
                                status: "review" | "approved" | "rejected";
                                /** Format: date-time */
                                chosenAt: string;
                                chosenBy: string;
                                reviewedAt: string | null;
                                reviewNote: string | null;
                            } | null;
                            inEffect: {
                                code: string;
                                level1: string;
                                level2: string | null;
                                scope: string;
                                /** Format: date-time */
                                approvedAt: string;
                            } | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 企业充值: balance, settings and what the actor may do */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balanceFen: number;
                            consumedFen: number;
                            invoicedFen: number;
                            invoiceableFen: number;
                            mayTopUp: boolean;
                            sandboxPayments: boolean;
                            spendableItems: string[];
                            autoDeduct: {
                                acquisition: boolean;
                                offered: boolean;
                            };
                            alert: {
                                enabled: boolean;
                                amountYuan: number;
                                /** @enum {unknown} */
                                frequency: "hourly" | "daily" | "weekly";
                                recipients: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What can be ordered, and what the actor may pay with the balance */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                key: string;
                                zh: string;
                                en: string;
                                unitFen: number;
                                unit: {
                                    zh: string;
                                    en: string;
                                };
                                balancePayable: boolean;
                                refundable: boolean;
                                maySpend: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 资金明细, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    from?: string;
                    to?: string;
                    type?: "topup" | "purchase" | "auto_deduct" | "refund" | "manual_refund";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                serialNo: string;
                                /** Format: date-time */
                                at: string;
                                /** @enum {unknown} */
                                type: "topup" | "purchase" | "auto_deduct" | "refund" | "manual_refund";
                                item: string | null;
                                description: string;
                                amountFen: number;
                                balanceAfterFen: number;
                                quantity: number | null;
                                /** @description 操作者: the person's name; empty for the system */
                                operator: string;
                                /** @description system: automatic entries (auto-deductions), shown as 系统 */
                                operatorKind: "member" | "operator" | "app" | "system";
                                channel: ("bank_transfer" | "wechat_pay" | "qq_wallet" | "online_banking") | null;
                                seq: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/ledger/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the fund ledger as .csv or .xlsx (streamed) */
        get: {
            parameters: {
                query: {
                    from?: string;
                    to?: string;
                    type?: "topup" | "purchase" | "auto_deduct" | "refund" | "manual_refund";
                    format: "csv" | "xlsx";
                    /** @description the language of the headers and the words the export writes */
                    lang?: "zh-CN" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/topups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending and past top-ups (待到账 / 已到账 / 已关闭), newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    /** @description pending 待到账, paid 已到账, closed 已关闭 */
                    status?: "pending" | "paid" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {unknown} */
                                channel: "bank_transfer" | "wechat_pay" | "qq_wallet" | "online_banking";
                                amountFen: number;
                                /**
                                 * @description pending 待到账, paid 已到账, closed 已关闭
                                 * @enum {unknown}
                                 */
                                status: "pending" | "paid" | "closed";
                                orderId: string | null;
                                code: string | null;
                                pendingReason: string | null;
                                /** @description the name of the member who started it */
                                createdBy: string;
                                agreementVersion: number | null;
                                /** Format: date-time */
                                createdAt: string;
                                paidAt: string | null;
                                closedAt: string | null;
                                instructions: {
                                    kind: "bank_transfer" | "online";
                                    code?: string;
                                    payee?: {
                                        name: string;
                                        bank: string;
                                        account: string;
                                        nameEn: string;
                                        bankEn: string;
                                    };
                                    payPage?: string;
                                    qrText?: string;
                                };
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Start a top-up through one of the four channels */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        channel: "bank_transfer" | "wechat_pay" | "qq_wallet" | "online_banking";
                        /** @description whole fen (分), above zero */
                        amountFen: number;
                        /** @description unique per command; a replay returns the first result */
                        idempotencyKey: string;
                        /** @description the 充值服务协议 version shown and agreed to (我已阅读并同意); required */
                        agreementVersion?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {unknown} */
                            channel: "bank_transfer" | "wechat_pay" | "qq_wallet" | "online_banking";
                            amountFen: number;
                            /**
                             * @description pending 待到账, paid 已到账, closed 已关闭
                             * @enum {unknown}
                             */
                            status: "pending" | "paid" | "closed";
                            orderId: string | null;
                            code: string | null;
                            pendingReason: string | null;
                            /** @description the name of the member who started it */
                            createdBy: string;
                            agreementVersion: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            paidAt: string | null;
                            closedAt: string | null;
                            instructions: {
                                kind: "bank_transfer" | "online";
                                code?: string;
                                payee?: {
                                    name: string;
                                    bank: string;
                                    account: string;
                                    nameEn: string;
                                    bankEn: string;
                                };
                                payPage?: string;
                                qrText?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/topups/{topupId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a pending top-up (已关闭): its code confirms nothing afterwards */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    topupId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {unknown} */
                            channel: "bank_transfer" | "wechat_pay" | "qq_wallet" | "online_banking";
                            amountFen: number;
                            /**
                             * @description pending 待到账, paid 已到账, closed 已关闭
                             * @enum {unknown}
                             */
                            status: "pending" | "paid" | "closed";
                            orderId: string | null;
                            code: string | null;
                            pendingReason: string | null;
                            /** @description the name of the member who started it */
                            createdBy: string;
                            agreementVersion: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            paidAt: string | null;
                            closedAt: string | null;
                            instructions: {
                                kind: "bank_transfer" | "online";
                                code?: string;
                                payee?: {
                                    name: string;
                                    bank: string;
                                    account: string;
                                    nameEn: string;
                                    bankEn: string;
                                };
                                payPage?: string;
                                qrText?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 充值服务协议: the version in force, to agree to before a top-up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            bodyZh: string;
                            bodyEn: string;
                            /** Format: date-time */
                            publishedAt: string;
                            publishedBy: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/topups/{topupId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    topupId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {unknown} */
                            channel: "bank_transfer" | "wechat_pay" | "qq_wallet" | "online_banking";
                            amountFen: number;
                            /**
                             * @description pending 待到账, paid 已到账, closed 已关闭
                             * @enum {unknown}
                             */
                            status: "pending" | "paid" | "closed";
                            orderId: string | null;
                            code: string | null;
                            pendingReason: string | null;
                            /** @description the name of the member who started it */
                            createdBy: string;
                            agreementVersion: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            paidAt: string | null;
                            closedAt: string | null;
                            instructions: {
                                kind: "bank_transfer" | "online";
                                code?: string;
                                payee?: {
                                    name: string;
                                    bank: string;
                                    account: string;
                                    nameEn: string;
                                    bankEn: string;
                                };
                                payPage?: string;
                                qrText?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/topups/{topupId}/sandbox-pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sandbox (only with --sandbox-payments, and for the demo enterprise): the channel reports the payment with a signed callback, as a real one would */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    topupId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            result: "credited" | "duplicate";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/channels/{channel}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A payment channel's signed callback (HMAC-SHA256 with the payment secret) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channel: "bank_transfer" | "wechat_pay" | "qq_wallet" | "online_banking";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        corpId: string;
                        topupId: string;
                        amountFen: number;
                        tradeNo: string;
                        timestamp: number;
                        signature: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            result: "credited" | "duplicate";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/alert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            amountYuan: number;
                            /** @enum {unknown} */
                            frequency: "hourly" | "daily" | "weekly";
                            recipients: {
                                memberIds: string[];
                                departmentIds: string[];
                                tagIds: string[];
                            };
                        };
                    };
                };
            };
        };
        /** 余额预警: amount, recipients, frequency, on/off */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        /** @description 预警金额: a non-negative whole number of yuan */
                        amountYuan: number;
                        /**
                         * @default daily
                         * @enum {unknown}
                         */
                        frequency?: "hourly" | "daily" | "weekly";
                        recipients: {
                            memberIds?: string[];
                            departmentIds?: string[];
                            tagIds?: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            amountYuan: number;
                            /** @enum {unknown} */
                            frequency: "hourly" | "daily" | "weekly";
                            recipients: {
                                memberIds: string[];
                                departmentIds: string[];
                                tagIds: string[];
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/spending-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                isDefault: boolean;
                                allSuperAdmins: boolean;
                                memberIds: string[];
                                items: string[];
                                updatedAt: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberIds: string[];
                        items: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            isDefault: boolean;
                            allSuperAdmins: boolean;
                            memberIds: string[];
                            items: string[];
                            updatedAt: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/spending-rules/{ruleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ruleId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberIds: string[];
                        items: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            isDefault: boolean;
                            allSuperAdmins: boolean;
                            memberIds: string[];
                            items: string[];
                            updatedAt: number | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ruleId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/auto-deduction/{item}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Switch auto-deduction on or off (acquisition assistant only) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    item: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        quotedFen?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: string;
                            enabled: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/auto-deduction/{item}/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What switching auto-deduction on will charge per use, shown before it is switched on */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    item: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: string;
                            quantity: number;
                            unitFen: number;
                            totalFen: number;
                            validUntil: string | null;
                            balanceFen: number;
                            balanceAfterFen: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/deductions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Charge one auto-deduction (metered usage) to the balance; group-committed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        item: "acquisition";
                        /** @description whole fen (分), above zero */
                        amountFen: number;
                        /** @description unique per command; a replay returns the first result */
                        idempotencyKey: string;
                        description: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            serialNo: string;
                            balanceAfter: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders, newest first, with the number pending payment */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    status?: "pending" | "paid" | "refunded";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                item: string;
                                quantity: number;
                                amountFen: number;
                                status: "pending" | "paid" | "refunded";
                                paidBy: ("balance" | "channel") | null;
                                description: string;
                                createdBy: string;
                                /** Format: date-time */
                                createdAt: string;
                                paidAt: string | null;
                                refundedAt: string | null;
                                /** @description What the server would allow the caller to do with the order now */
                                actions: ("pay" | "refund")[];
                            }[];
                            nextCursor: string | null;
                            pendingCount: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        item: "certification" | "acquisition" | "customer_quota" | "security" | "mail" | "docs" | "drive" | "meeting" | "session_archive" | "data_protection" | "public_phone";
                        quantity: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            item: string;
                            quantity: number;
                            amountFen: number;
                            status: "pending" | "paid" | "refunded";
                            paidBy: ("balance" | "channel") | null;
                            description: string;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            paidAt: string | null;
                            refundedAt: string | null;
                            /** @description What the server would allow the caller to do with the order now */
                            actions: ("pay" | "refund")[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/orders/{orderId}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay an order with the balance or through a channel */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        method: "balance";
                        /** @description unique per command; a replay returns the first result */
                        idempotencyKey: string;
                    } | {
                        /** @enum {string} */
                        method: "channel";
                        /** @enum {unknown} */
                        channel: "bank_transfer" | "wechat_pay" | "qq_wallet" | "online_banking";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            order: {
                                id: string;
                                item: string;
                                quantity: number;
                                amountFen: number;
                                status: "pending" | "paid" | "refunded";
                                paidBy: ("balance" | "channel") | null;
                                description: string;
                                createdBy: string;
                                /** Format: date-time */
                                createdAt: string;
                                paidAt: string | null;
                                refundedAt: string | null;
                                /** @description What the server would allow the caller to do with the order now */
                                actions: ("pay" | "refund")[];
                            };
                            payment: {
                                serialNo: string;
                                balanceAfter: number;
                            } | null;
                            topup: {
                                id: string;
                                /** @enum {unknown} */
                                channel: "bank_transfer" | "wechat_pay" | "qq_wallet" | "online_banking";
                                amountFen: number;
                                /**
                                 * @description pending 待到账, paid 已到账, closed 已关闭
                                 * @enum {unknown}
                                 */
                                status: "pending" | "paid" | "closed";
                                orderId: string | null;
                                code: string | null;
                                pendingReason: string | null;
                                /** @description the name of the member who started it */
                                createdBy: string;
                                agreementVersion: number | null;
                                /** Format: date-time */
                                createdAt: string;
                                paidAt: string | null;
                                closedAt: string | null;
                                instructions: {
                                    kind: "bank_transfer" | "online";
                                    code?: string;
                                    payee?: {
                                        name: string;
                                        bank: string;
                                        account: string;
                                        nameEn: string;
                                        bankEn: string;
                                    };
                                    payPage?: string;
                                    qrText?: string;
                                };
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/orders/{orderId}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refund a balance-paid order to the balance (per the refund policy) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description unique per command; a replay returns the first result */
                        idempotencyKey: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orderId: string;
                            serialNo: string;
                            balanceAfter: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                basis: "order" | "range";
                                orderId: string | null;
                                from: string | null;
                                to: string | null;
                                type: "electronic_ordinary" | "electronic_special";
                                title: string;
                                serviceName: string;
                                amountFen: number;
                                taxRatePercent: number;
                                taxFen: number;
                                status: "requested" | "issued";
                                invoiceNo: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                issuedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Request an invoice for consumption, by order or by time range */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        basis: "order";
                        orderId: string;
                        type: "electronic_ordinary" | "electronic_special";
                        /** @description unique per command; a replay returns the first result */
                        idempotencyKey: string;
                    } | {
                        /** @enum {string} */
                        basis: "range";
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                        type: "electronic_ordinary" | "electronic_special";
                        /** @description unique per command; a replay returns the first result */
                        idempotencyKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            basis: "order" | "range";
                            orderId: string | null;
                            from: string | null;
                            to: string | null;
                            type: "electronic_ordinary" | "electronic_special";
                            title: string;
                            serviceName: string;
                            amountFen: number;
                            taxRatePercent: number;
                            taxFen: number;
                            status: "requested" | "issued";
                            invoiceNo: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            issuedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/wallet/bank-transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bank transfers waiting for confirmation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                corpId: string;
                                corpName: string;
                                topupId: string;
                                code: string;
                                amountFen: number;
                                pendingReason: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/wallet/bank-transfers/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a received transfer: code, amount and payer (the full enterprise name) must match */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /** @description whole fen (分), above zero */
                        amountFen: number;
                        payerName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            confirmed: boolean;
                            reason?: string;
                            corpId?: string;
                            topupId?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/wallet/bank-statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a bank statement (CSV) and confirm the transfers it matches */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        csv: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lines: {
                                line: number;
                                payerName: string;
                                amountFen: number | null;
                                code: string | null;
                                outcome: {
                                    confirmed: boolean;
                                    reason?: string;
                                    corpId?: string;
                                    topupId?: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/wallet/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    status?: "requested" | "issued";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                basis: "order" | "range";
                                orderId: string | null;
                                from: string | null;
                                to: string | null;
                                type: "electronic_ordinary" | "electronic_special";
                                title: string;
                                serviceName: string;
                                amountFen: number;
                                taxRatePercent: number;
                                taxFen: number;
                                status: "requested" | "issued";
                                invoiceNo: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                issuedAt: string | null;
                                corpId: string;
                                corpName: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/wallet/invoices/{corpId}/{invoiceId}/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    corpId: string;
                    invoiceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            basis: "order" | "range";
                            orderId: string | null;
                            from: string | null;
                            to: string | null;
                            type: "electronic_ordinary" | "electronic_special";
                            title: string;
                            serviceName: string;
                            amountFen: number;
                            taxRatePercent: number;
                            taxFen: number;
                            status: "requested" | "issued";
                            invoiceNo: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            issuedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/wallet/corps/{corpId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    corpId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            corpId: string;
                            corpName: string;
                            balanceFen: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/wallet/corps/{corpId}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refund unspent balance by hand (人工退款) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    corpId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description whole fen (分), above zero */
                        amountFen: number;
                        reason: string;
                        /** @description unique per command; a replay returns the first result */
                        idempotencyKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            serialNo: string;
                            balanceAfter: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/wallet/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 充值服务协议: every published version, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                version: number;
                                bodyZh: string;
                                bodyEn: string;
                                /** Format: date-time */
                                publishedAt: string;
                                publishedBy: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Publish a new version of the 充值服务协议 (both languages); later top-ups agree to it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bodyZh: string;
                        bodyEn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            bodyZh: string;
                            bodyEn: string;
                            /** Format: date-time */
                            publishedAt: string;
                            publishedBy: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/wallet/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                corpId: string;
                                corpName: string;
                                serialNo: string;
                                amountFen: number;
                                description: string;
                                operator: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the enterprise is certified, until when, and its latest application */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            certified: boolean;
                            certifiedUntil: string | null;
                            expiresInDays: number | null;
                            latest: {
                                id: string;
                                corpId: string;
                                status: "review" | "approved" | "rejected";
                                subjectName: string;
                                licenceName: string;
                                creditCode: string;
                                licenceFile: {
                                    id: string;
                                    name: string;
                                    mime: string;
                                    size: number;
                                    /** Format: date-time */
                                    uploadedAt: string;
                                } | null;
                                contactName: string;
                                contactPhone: string;
                                feeFen: number;
                                submittedBy: string;
                                /** Format: date-time */
                                submittedAt: string;
                                reviewedBy: string | null;
                                reviewedAt: string | null;
                                validUntil: string | null;
                                rejectReason: string | null;
                            } | null;
                            mayApply: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certification/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What submitting an application charges now (the review fee) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: string;
                            quantity: number;
                            unitFen: number;
                            totalFen: number;
                            validUntil: string | null;
                            balanceFen: number;
                            balanceAfterFen: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certification/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit an application, paying the quoted fee with the balance */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        subjectName: string;
                        licenceName: string;
                        creditCode: string;
                        licenceFileId: string;
                        contactName: string;
                        contactPhone: string;
                        quotedFen: number;
                        /** @description unique per command; a replay returns the first result */
                        idempotencyKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            corpId: string;
                            status: "review" | "approved" | "rejected";
                            subjectName: string;
                            licenceName: string;
                            creditCode: string;
                            licenceFile: {
                                id: string;
                                name: string;
                                mime: string;
                                size: number;
                                /** Format: date-time */
                                uploadedAt: string;
                            } | null;
                            contactName: string;
                            contactPhone: string;
                            feeFen: number;
                            submittedBy: string;
                            /** Format: date-time */
                            submittedAt: string;
                            reviewedBy: string | null;
                            reviewedAt: string | null;
                            validUntil: string | null;
                            rejectReason: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certification/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a scan the enterprise uploaded */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certification/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a scan (multipart/form-data: file; JPEG, PNG or PDF, at most 5 MiB); its id is its SHA-256 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description a JPEG, PNG or PDF scan, at most 5 MiB (5,242,880 bytes)
                         */
                        file: Blob;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            mime: string;
                            size: number;
                            /** Format: date-time */
                            uploadedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/certification-applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Certification applications waiting for review, oldest first, a page at a time */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                corpId: string;
                                status: "review" | "approved" | "rejected";
                                subjectName: string;
                                licenceName: string;
                                creditCode: string;
                                licenceFile: {
                                    id: string;
                                    name: string;
                                    mime: string;
                                    size: number;
                                    /** Format: date-time */
                                    uploadedAt: string;
                                } | null;
                                contactName: string;
                                contactPhone: string;
                                feeFen: number;
                                submittedBy: string;
                                /** Format: date-time */
                                submittedAt: string;
                                reviewedBy: string | null;
                                reviewedAt: string | null;
                                validUntil: string | null;
                                rejectReason: string | null;
                                corpName: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/corps/{corpId}/certification-applications/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve an application with a validity, or reject it with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    corpId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "approve";
                        /** Format: date-time */
                        validUntil: string;
                    } | {
                        /** @enum {string} */
                        decision: "reject";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            corpId: string;
                            status: "review" | "approved" | "rejected";
                            subjectName: string;
                            licenceName: string;
                            creditCode: string;
                            licenceFile: {
                                id: string;
                                name: string;
                                mime: string;
                                size: number;
                                /** Format: date-time */
                                uploadedAt: string;
                            } | null;
                            contactName: string;
                            contactPhone: string;
                            feeFen: number;
                            submittedBy: string;
                            /** Format: date-time */
                            submittedAt: string;
                            reviewedBy: string | null;
                            reviewedAt: string | null;
                            validUntil: string | null;
                            rejectReason: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/corps/{corpId}/certification/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a scan of an enterprise's application */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    corpId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/features/{feature}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seats bought, in use and given */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    feature: "security";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            feature: "security";
                            seatsBought: number;
                            seatsUsed: number;
                            activeUntil: string | null;
                            active: boolean;
                            seatPriceFen: number;
                            refundable: boolean;
                            seats: {
                                memberId: string;
                                memberName: string;
                                /** Format: date-time */
                                assignedAt: string;
                                assignedBy: string;
                                /** Format: date-time */
                                takeBackUntil: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/features/{feature}/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    seats: number;
                };
                header?: never;
                path: {
                    feature: "security";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            seats: number;
                            priceFen: number;
                            kind: "new" | "add";
                            /** Format: date-time */
                            endsAt: string;
                            quote: {
                                item: string;
                                quantity: number;
                                unitFen: number;
                                totalFen: number;
                                validUntil: string | null;
                                balanceFen: number;
                                balanceAfterFen: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/features/{feature}/purchases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Buy seats (super admins only; non-refundable) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    feature: "security";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        seats: number;
                        quotedFen: number;
                        idempotencyKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            seats: number;
                            priceFen: number;
                            kind: "new" | "add";
                            /** Format: date-time */
                            endsAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/features/{feature}/seats/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Give a seat to a member */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    feature: "security";
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** Take a seat back (within 7 days of giving it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    feature: "security";
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/features/{feature}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    feature: "security";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fileLeakProtection?: boolean;
                            deviceManagement?: boolean;
                            visibleWatermark?: boolean;
                            hiddenWatermark?: boolean;
                            assetHandover?: boolean;
                            screenCaptureControl?: boolean;
                            ipRestriction?: boolean;
                            shareToExternalControl?: boolean;
                        };
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    feature: "security";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fileLeakProtection?: boolean;
                        deviceManagement?: boolean;
                        visibleWatermark?: boolean;
                        hiddenWatermark?: boolean;
                        assetHandover?: boolean;
                        screenCaptureControl?: boolean;
                        ipRestriction?: boolean;
                        shareToExternalControl?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fileLeakProtection?: boolean;
                            deviceManagement?: boolean;
                            visibleWatermark?: boolean;
                            hiddenWatermark?: boolean;
                            assetHandover?: boolean;
                            screenCaptureControl?: boolean;
                            ipRestriction?: boolean;
                            shareToExternalControl?: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已服务 X 位, today’s new customers and the quota */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            served: number;
                            todayNew: number;
                            limit: number;
                            freeQuota: number;
                            certified: boolean;
                            tier: {
                                size: number;
                                /** Format: date-time */
                                endsAt: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/friends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in member's customers; oneWay=true lists 单向客户 */
        get: {
            parameters: {
                query?: {
                    oneWay?: boolean;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                externalId: string;
                                state: "mutual" | "one_way";
                                oneWayReason: ("not_added_back" | "deleted_by_customer") | null;
                                /** Format: date-time */
                                addedAt: string;
                            }[];
                            nextCursor: string | null;
                            oneWayTerm: "customer" | "student";
                        };
                    };
                };
            };
        };
        put?: never;
        /** The signed-in member adds a customer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        externalId: string;
                        name: string;
                        /** @default true */
                        addedBack?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            externalId: string;
                            state: "mutual" | "one_way";
                            oneWayReason: ("not_added_back" | "deleted_by_customer") | null;
                            /** Format: date-time */
                            addedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/friends/{customerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the signed-in member's customers (学员), with its parents */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            externalId: string;
                            state: "mutual" | "one_way";
                            oneWayReason: ("not_added_back" | "deleted_by_customer") | null;
                            /** Format: date-time */
                            addedAt: string;
                            term: "customer" | "student";
                            parents: {
                                id: string;
                                name: string;
                                relation: "father" | "mother" | "guardian" | "other";
                                phone: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** The signed-in member deletes a customer (cannot be undone) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            released: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{customerId}/members/{memberId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A customer-side event: added the member back, or deleted the member */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        event: "added_back" | "deleted_member";
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customer-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customer groups (客户群) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                ownerMemberId: string;
                                customers: number;
                                /** Format: date-time */
                                createdAt: string;
                                dissolvedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            ownerMemberId: string;
                            customers: number;
                            /** Format: date-time */
                            createdAt: string;
                            dissolvedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customer-groups/{groupId}/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A customer joins the group */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        externalId: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customerId: string;
                            newlyCounted: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customer-groups/{groupId}/customers/{customerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** A customer leaves the group */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    groupId: string;
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            released: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customer-groups/{groupId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Dissolve the group (解散): its customers are let go */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            released: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/quota": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 外部联系人规模: tiers, limit and the tier in force */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tiers: {
                                size: number;
                                priceFen: number;
                            }[];
                            limit: number;
                            certified: boolean;
                            tier: {
                                size: number;
                                /** Format: date-time */
                                endsAt: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/quota/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The price of buying or upgrading to a tier now */
        get: {
            parameters: {
                query: {
                    size: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kind: "new" | "upgrade";
                            size: number;
                            listPriceFen: number;
                            priceFen: number;
                            daysUsed: number;
                            /** Format: date-time */
                            startsAt: string;
                            /** Format: date-time */
                            endsAt: string;
                            quote: {
                                item: string;
                                quantity: number;
                                unitFen: number;
                                totalFen: number;
                                validUntil: string | null;
                                balanceFen: number;
                                balanceAfterFen: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/quota/purchases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Buy or upgrade a tier with the wallet balance */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        size: number;
                        quotedFen: number;
                        idempotencyKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kind: "new" | "upgrade";
                            size: number;
                            listPriceFen: number;
                            priceFen: number;
                            daysUsed: number;
                            /** Format: date-time */
                            startsAt: string;
                            /** Format: date-time */
                            endsAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/friends/{customerId}/parents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link a parent (家长) to a student */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        relation: "father" | "mother" | "guardian" | "other";
                        phone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            relation: "father" | "mother" | "guardian" | "other";
                            phone: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/friends/{customerId}/parents/{parentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink a parent from a student */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                    parentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-migration-templates/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the entrustment-letter or name-authorisation template */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "entrustment_letter" | "name_authorization";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/data-migration-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Both templates as enterprises download them now (built in or uploaded, by whom, when) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {unknown} */
                                kind: "entrustment_letter" | "name_authorization";
                                /** @description the built-in text template: the operator has uploaded none */
                                builtIn: boolean;
                                /** @description the file name enterprises download it as */
                                name: string;
                                mime: string;
                                /** @description bytes */
                                size: number;
                                updatedBy: string | null;
                                updatedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/data-migration-templates/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a template as enterprises get it now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "entrustment_letter" | "name_authorization";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Replace a template (multipart/form-data: file; PDF or .docx, at most 5 MiB) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "entrustment_letter" | "name_authorization";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description a PDF or .docx file, at most 5 MiB
                         */
                        file: Blob;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            kind: "entrustment_letter" | "name_authorization";
                            /** @description the built-in text template: the operator has uploaded none */
                            builtIn: boolean;
                            /** @description the file name enterprises download it as */
                            name: string;
                            mime: string;
                            /** @description bytes */
                            size: number;
                            updatedBy: string | null;
                            updatedAt: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-migrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Data migrations the enterprise takes part in, with their timelines */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                sourceCorpId: string;
                                sourceName: string;
                                targetCorpId: string;
                                targetName: string;
                                /** @enum {unknown} */
                                relation: "brand" | "trademark" | "software" | "website" | "app" | "same_name";
                                materials: {
                                    [key: string]: string;
                                };
                                /** @enum {unknown} */
                                status: "submitted" | "approved" | "paper_received" | "migrating" | "done" | "rejected" | "halted";
                                reason: {
                                    /** @enum {unknown} */
                                    code: "operator" | "not_approved" | "source_not_certified" | "target_not_certified" | "source_subject_changed" | "target_subject_changed";
                                    params: {
                                        [key: string]: string;
                                    };
                                } | null;
                                submittedBy: string;
                                /** Format: date-time */
                                submittedAt: string;
                                steps: {
                                    /** @enum {unknown} */
                                    status: "submitted" | "approved" | "paper_received" | "migrating" | "done" | "rejected" | "halted";
                                    actor: string | null;
                                    reason: {
                                        /** @enum {unknown} */
                                        code: "operator" | "not_approved" | "source_not_certified" | "target_not_certified" | "source_subject_changed" | "target_subject_changed";
                                        params: {
                                            [key: string]: string;
                                        };
                                    } | null;
                                    /** Format: date-time */
                                    at: string;
                                }[];
                                progress: {
                                    phase: "listing" | "moving" | "done" | "halted";
                                    total: number;
                                    moved: number;
                                    failed: number;
                                    givenUp: number;
                                    pending: number;
                                    canFinish: boolean;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Apply to migrate this enterprise’s data (迁出) to another (迁入), with the materials the relationship requires */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        targetCorpId: string;
                        /** @enum {unknown} */
                        relation: "brand" | "trademark" | "software" | "website" | "app" | "same_name";
                        materials: {
                            entrustment_letter?: string;
                            business_licence?: string;
                            brand_authorization?: string;
                            agency_authorization?: string;
                            trademark_certificate?: string;
                            trademark_authorization?: string;
                            trademark_licence_filing?: string;
                            software_copyright?: string;
                            name_authorization?: string;
                            icp_screenshot?: string;
                            app_ownership_screenshot?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            sourceCorpId: string;
                            sourceName: string;
                            targetCorpId: string;
                            targetName: string;
                            /** @enum {unknown} */
                            relation: "brand" | "trademark" | "software" | "website" | "app" | "same_name";
                            materials: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "submitted" | "approved" | "paper_received" | "migrating" | "done" | "rejected" | "halted";
                            reason: {
                                /** @enum {unknown} */
                                code: "operator" | "not_approved" | "source_not_certified" | "target_not_certified" | "source_subject_changed" | "target_subject_changed";
                                params: {
                                    [key: string]: string;
                                };
                            } | null;
                            submittedBy: string;
                            /** Format: date-time */
                            submittedAt: string;
                            steps: {
                                /** @enum {unknown} */
                                status: "submitted" | "approved" | "paper_received" | "migrating" | "done" | "rejected" | "halted";
                                actor: string | null;
                                reason: {
                                    /** @enum {unknown} */
                                    code: "operator" | "not_approved" | "source_not_certified" | "target_not_certified" | "source_subject_changed" | "target_subject_changed";
                                    params: {
                                        [key: string]: string;
                                    };
                                } | null;
                                /** Format: date-time */
                                at: string;
                            }[];
                            progress: {
                                phase: "listing" | "moving" | "done" | "halted";
                                total: number;
                                moved: number;
                                failed: number;
                                givenUp: number;
                                pending: number;
                                canFinish: boolean;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-migration-requirements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The materials each relationship requires (数据迁移服务-企业准入要求) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {unknown} */
                                relation: "brand" | "trademark" | "software" | "website" | "app" | "same_name";
                                required: ("entrustment_letter" | "business_licence" | "brand_authorization" | "agency_authorization" | "trademark_certificate" | "trademark_authorization" | "trademark_licence_filing" | "software_copyright" | "name_authorization" | "icp_screenshot" | "app_ownership_screenshot")[][];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-migrations/{id}/failures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customers that could not move (未迁移成功), a page at a time */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                customerId: string;
                                name: string;
                                reason: "no_matching_member" | "no_follower" | "quota_exceeded";
                                givenUp: boolean;
                                detail: {
                                    members?: string[];
                                    limit?: number;
                                };
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/data-migrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open data migrations, oldest first, a page at a time */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                sourceCorpId: string;
                                sourceName: string;
                                targetCorpId: string;
                                targetName: string;
                                /** @enum {unknown} */
                                relation: "brand" | "trademark" | "software" | "website" | "app" | "same_name";
                                materials: {
                                    [key: string]: string;
                                };
                                /** @enum {unknown} */
                                status: "submitted" | "approved" | "paper_received" | "migrating" | "done" | "rejected" | "halted";
                                reason: {
                                    /** @enum {unknown} */
                                    code: "operator" | "not_approved" | "source_not_certified" | "target_not_certified" | "source_subject_changed" | "target_subject_changed";
                                    params: {
                                        [key: string]: string;
                                    };
                                } | null;
                                submittedBy: string;
                                /** Format: date-time */
                                submittedAt: string;
                                steps: {
                                    /** @enum {unknown} */
                                    status: "submitted" | "approved" | "paper_received" | "migrating" | "done" | "rejected" | "halted";
                                    actor: string | null;
                                    reason: {
                                        /** @enum {unknown} */
                                        code: "operator" | "not_approved" | "source_not_certified" | "target_not_certified" | "source_subject_changed" | "target_subject_changed";
                                        params: {
                                            [key: string]: string;
                                        };
                                    } | null;
                                    /** Format: date-time */
                                    at: string;
                                }[];
                                progress: {
                                    phase: "listing" | "moving" | "done" | "halted";
                                    total: number;
                                    moved: number;
                                    failed: number;
                                    givenUp: number;
                                    pending: number;
                                    canFinish: boolean;
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/corps/{corpId}/data-migrations/{id}/failures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customers that could not move (未迁移成功), a page at a time */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    corpId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                customerId: string;
                                name: string;
                                reason: "no_matching_member" | "no_follower" | "quota_exceeded";
                                givenUp: boolean;
                                detail: {
                                    members?: string[];
                                    limit?: number;
                                };
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/corps/{corpId}/data-migrations/{id}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take the next step (approve, paper received, start, finish), retry or give up the customers that failed to move, or reject with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    corpId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        step: "approve" | "paper_received" | "start" | "finish" | "reject" | "retry" | "give_up";
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            sourceCorpId: string;
                            sourceName: string;
                            targetCorpId: string;
                            targetName: string;
                            /** @enum {unknown} */
                            relation: "brand" | "trademark" | "software" | "website" | "app" | "same_name";
                            materials: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "submitted" | "approved" | "paper_received" | "migrating" | "done" | "rejected" | "halted";
                            reason: {
                                /** @enum {unknown} */
                                code: "operator" | "not_approved" | "source_not_certified" | "target_not_certified" | "source_subject_changed" | "target_subject_changed";
                                params: {
                                    [key: string]: string;
                                };
                            } | null;
                            submittedBy: string;
                            /** Format: date-time */
                            submittedAt: string;
                            steps: {
                                /** @enum {unknown} */
                                status: "submitted" | "approved" | "paper_received" | "migrating" | "done" | "rejected" | "halted";
                                actor: string | null;
                                reason: {
                                    /** @enum {unknown} */
                                    code: "operator" | "not_approved" | "source_not_certified" | "target_not_certified" | "source_subject_changed" | "target_subject_changed";
                                    params: {
                                        [key: string]: string;
                                    };
                                } | null;
                                /** Format: date-time */
                                at: string;
                            }[];
                            progress: {
                                phase: "listing" | "moving" | "done" | "halted";
                                total: number;
                                moved: number;
                                failed: number;
                                givenUp: number;
                                pending: number;
                                canFinish: boolean;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/acquisition/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                code: string;
                                /** @description the page customers open (/c/<code>): on --public-url, else on the address the console was opened at */
                                url: string;
                                name: string;
                                members: {
                                    id: string;
                                    name: string;
                                }[];
                                createdBy: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** A link for one member or a set of members */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        memberIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            /** @description the page customers open (/c/<code>): on --public-url, else on the address the console was opened at */
                            url: string;
                            name: string;
                            members: {
                                id: string;
                                name: string;
                            }[];
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/acquisition/links/{linkId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    linkId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a link or replace its members */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    linkId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        memberIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            /** @description the page customers open (/c/<code>): on --public-url, else on the address the console was opened at */
                            url: string;
                            name: string;
                            members: {
                                id: string;
                                name: string;
                            }[];
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/public/acquisition/links/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the customer who opens a link sees before adding */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            corpName: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/acquisition/links/{code}/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A customer clicks the link and adds a member (one unit is used) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        externalId: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            memberId: string;
                            memberName: string;
                            customerId: string;
                            added: boolean;
                            paidBy: ("pack" | "wallet") | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/acquisition/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 获客助手使用概况 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            todayNew: number;
                            totalNew: number;
                            unitsLeft: number;
                            packs: {
                                id: string;
                                units: number;
                                remaining: number;
                                /** Format: date-time */
                                purchasedAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                                expired: boolean;
                            }[];
                            autoDeduct: {
                                offered: boolean;
                                on: boolean;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/acquisition/packs/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The price of a pack of units now, shown before buying */
        get: {
            parameters: {
                query: {
                    units: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: string;
                            quantity: number;
                            unitFen: number;
                            totalFen: number;
                            validUntil: string | null;
                            balanceFen: number;
                            balanceAfterFen: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/acquisition/packs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 购买指定使用量 with the balance */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        units: number;
                        quotedFen: number;
                        idempotencyKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orderId: string;
                            amountFen: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/acquisition/authorizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: "third_party" | "custom_dev";
                                party: string;
                                createdBy: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Authorise the assistant to a third-party app or a 代开发 developer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kind: "third_party" | "custom_dev";
                        party: string;
                        idempotencyKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "third_party" | "custom_dev";
                            party: string;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Approval templates (members see the ones in use) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                description: string;
                                form: {
                                    id: string;
                                    type: "text" | "number" | "money" | "date" | "select" | "multiselect" | "member" | "department" | "attachment";
                                    label: string;
                                    required: boolean;
                                    options?: string[];
                                }[];
                                flow: ({
                                    id: string;
                                    kind: "approver" | "handler" | "cc";
                                    name: string;
                                    assignee: {
                                        /** @enum {string} */
                                        type: "members";
                                        memberIds: string[];
                                        mode: "all" | "any" | "sequential";
                                    } | {
                                        /** @enum {string} */
                                        type: "head";
                                        direction: "up" | "down";
                                        level: number;
                                        mode: "all" | "any";
                                    } | {
                                        /** @enum {string} */
                                        type: "tag";
                                        tagId: string;
                                        mode: "all" | "any";
                                    } | {
                                        /** @enum {string} */
                                        type: "applicant";
                                    } | {
                                        /** @enum {string} */
                                        type: "pick";
                                        range: {
                                            memberIds?: string[];
                                            departmentIds?: string[];
                                            tagIds?: string[];
                                        } | null;
                                        max: number;
                                        mode: "all" | "any" | "sequential";
                                    } | {
                                        /** @enum {string} */
                                        type: "field";
                                        fieldId: string;
                                        mode: "all" | "any" | "sequential";
                                    };
                                } | {
                                    id: string;
                                    /** @enum {string} */
                                    kind: "condition";
                                    name: string;
                                    branches: {
                                        id: string;
                                        name: string;
                                        clauses: ({
                                            /** @enum {string} */
                                            type: "field";
                                            fieldId: string;
                                            op: "eq" | "ne" | "gt" | "gte" | "lt" | "lte" | "in" | "contains";
                                            value: string | number | string[];
                                        } | {
                                            /** @enum {string} */
                                            type: "department";
                                            departmentIds: string[];
                                        })[];
                                        nodes: {
                                            id: string;
                                            kind: "approver" | "handler" | "cc";
                                            name: string;
                                            assignee: {
                                                /** @enum {string} */
                                                type: "members";
                                                memberIds: string[];
                                                mode: "all" | "any" | "sequential";
                                            } | {
                                                /** @enum {string} */
                                                type: "head";
                                                direction: "up" | "down";
                                                level: number;
                                                mode: "all" | "any";
                                            } | {
                                                /** @enum {string} */
                                                type: "tag";
                                                tagId: string;
                                                mode: "all" | "any";
                                            } | {
                                                /** @enum {string} */
                                                type: "applicant";
                                            } | {
                                                /** @enum {string} */
                                                type: "pick";
                                                range: {
                                                    memberIds?: string[];
                                                    departmentIds?: string[];
                                                    tagIds?: string[];
                                                } | null;
                                                max: number;
                                                mode: "all" | "any" | "sequential";
                                            } | {
                                                /** @enum {string} */
                                                type: "field";
                                                fieldId: string;
                                                mode: "all" | "any" | "sequential";
                                            };
                                        }[];
                                    }[];
                                })[];
                                settings: {
                                    approverEmpty: {
                                        /** @enum {string} */
                                        action: "auto_approve";
                                    } | {
                                        /** @enum {string} */
                                        action: "transfer";
                                        memberId: string;
                                    };
                                    approverDeparted: {
                                        /** @enum {string} */
                                        action: "remind_admin";
                                    } | {
                                        /** @enum {string} */
                                        action: "handover";
                                        memberId: string;
                                    };
                                    handlerEmpty: {
                                        /** @enum {string} */
                                        action: "auto_approve";
                                    } | {
                                        /** @enum {string} */
                                        action: "transfer";
                                        memberId: string;
                                    };
                                    handlerDeparted: {
                                        /** @enum {string} */
                                        action: "remind_admin";
                                    } | {
                                        /** @enum {string} */
                                        action: "handover";
                                        memberId: string;
                                    };
                                    repeatApprover: "first_only" | "consecutive" | "every";
                                    allowOnBehalf: boolean;
                                    restrictView: boolean;
                                    lockFixedCc: boolean;
                                    lockFixedHandlers: boolean;
                                    allowEditAfterApproval: boolean;
                                    allowAddApprovers: boolean;
                                    requireApprovalComment: boolean;
                                    requireHandlingComment: boolean;
                                    requireSignature: boolean;
                                    withdrawRunning: boolean;
                                    withdrawApproved: "never" | "any_time" | "within_days";
                                    withdrawApprovedDays: number;
                                };
                                version: number;
                                archived: boolean;
                                /** @description A built-in template's kind (attendance.correction: 补卡); its form is fixed, its flow and settings are the admin's */
                                builtin: string | null;
                                /** @description 可见范围: who sees and submits it; null: everyone */
                                visibility: {
                                    memberIds?: string[];
                                    departmentIds?: string[];
                                    tagIds?: string[];
                                } | null;
                                /** @description 协助管理: members who manage this template and read its requests */
                                assistantIds: string[];
                                canManage: boolean;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a template */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description?: string;
                        form: {
                            id: string;
                            type: "text" | "number" | "money" | "date" | "select" | "multiselect" | "member" | "department" | "attachment";
                            label: string;
                            required: boolean;
                            options?: string[];
                        }[];
                        flow: ({
                            id: string;
                            kind: "approver" | "handler" | "cc";
                            name: string;
                            assignee: {
                                /** @enum {string} */
                                type: "members";
                                memberIds: string[];
                                mode: "all" | "any" | "sequential";
                            } | {
                                /** @enum {string} */
                                type: "head";
                                direction: "up" | "down";
                                level: number;
                                mode: "all" | "any";
                            } | {
                                /** @enum {string} */
                                type: "tag";
                                tagId: string;
                                mode: "all" | "any";
                            } | {
                                /** @enum {string} */
                                type: "applicant";
                            } | {
                                /** @enum {string} */
                                type: "pick";
                                range: {
                                    memberIds?: string[];
                                    departmentIds?: string[];
                                    tagIds?: string[];
                                } | null;
                                max: number;
                                mode: "all" | "any" | "sequential";
                            } | {
                                /** @enum {string} */
                                type: "field";
                                fieldId: string;
                                mode: "all" | "any" | "sequential";
                            };
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "condition";
                            name: string;
                            branches: {
                                id: string;
                                name: string;
                                clauses: ({
                                    /** @enum {string} */
                                    type: "field";
                                    fieldId: string;
                                    op: "eq" | "ne" | "gt" | "gte" | "lt" | "lte" | "in" | "contains";
                                    value: string | number | string[];
                                } | {
                                    /** @enum {string} */
                                    type: "department";
                                    departmentIds: string[];
                                })[];
                                nodes: {
                                    id: string;
                                    kind: "approver" | "handler" | "cc";
                                    name: string;
                                    assignee: {
                                        /** @enum {string} */
                                        type: "members";
                                        memberIds: string[];
                                        mode: "all" | "any" | "sequential";
                                    } | {
                                        /** @enum {string} */
                                        type: "head";
                                        direction: "up" | "down";
                                        level: number;
                                        mode: "all" | "any";
                                    } | {
                                        /** @enum {string} */
                                        type: "tag";
                                        tagId: string;
                                        mode: "all" | "any";
                                    } | {
                                        /** @enum {string} */
                                        type: "applicant";
                                    } | {
                                        /** @enum {string} */
                                        type: "pick";
                                        range: {
                                            memberIds?: string[];
                                            departmentIds?: string[];
                                            tagIds?: string[];
                                        } | null;
                                        max: number;
                                        mode: "all" | "any" | "sequential";
                                    } | {
                                        /** @enum {string} */
                                        type: "field";
                                        fieldId: string;
                                        mode: "all" | "any" | "sequential";
                                    };
                                }[];
                            }[];
                        })[];
                        settings?: {
                            approverEmpty: {
                                /** @enum {string} */
                                action: "auto_approve";
                            } | {
                                /** @enum {string} */
                                action: "transfer";
                                memberId: string;
                            };
                            approverDeparted: {
                                /** @enum {string} */
                                action: "remind_admin";
                            } | {
                                /** @enum {string} */
                                action: "handover";
                                memberId: string;
                            };
                            handlerEmpty: {
                                /** @enum {string} */
                                action: "auto_approve";
                            } | {
                                /** @enum {string} */
                                action: "transfer";
                                memberId: string;
                            };
                            handlerDeparted: {
                                /** @enum {string} */
                                action: "remind_admin";
                            } | {
                                /** @enum {string} */
                                action: "handover";
                                memberId: string;
                            };
                            repeatApprover: "first_only" | "consecutive" | "every";
                            allowOnBehalf: boolean;
                            restrictView: boolean;
                            lockFixedCc: boolean;
                            lockFixedHandlers: boolean;
                            allowEditAfterApproval: boolean;
                            allowAddApprovers: boolean;
                            requireApprovalComment: boolean;
                            requireHandlingComment: boolean;
                            requireSignature: boolean;
                            withdrawRunning: boolean;
                            withdrawApproved: "never" | "any_time" | "within_days";
                            withdrawApprovedDays: number;
                        };
                        visibility?: {
                            memberIds?: string[];
                            departmentIds?: string[];
                            tagIds?: string[];
                        } | null;
                        assistantIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            form: {
                                id: string;
                                type: "text" | "number" | "money" | "date" | "select" | "multiselect" | "member" | "department" | "attachment";
                                label: string;
                                required: boolean;
                                options?: string[];
                            }[];
                            flow: ({
                                id: string;
                                kind: "approver" | "handler" | "cc";
                                name: string;
                                assignee: {
                                    /** @enum {string} */
                                    type: "members";
                                    memberIds: string[];
                                    mode: "all" | "any" | "sequential";
                                } | {
                                    /** @enum {string} */
                                    type: "head";
                                    direction: "up" | "down";
                                    level: number;
                                    mode: "all" | "any";
                                } | {
                                    /** @enum {string} */
                                    type: "tag";
                                    tagId: string;
                                    mode: "all" | "any";
                                } | {
                                    /** @enum {string} */
                                    type: "applicant";
                                } | {
                                    /** @enum {string} */
                                    type: "pick";
                                    range: {
                                        memberIds?: string[];
                                        departmentIds?: string[];
                                        tagIds?: string[];
                                    } | null;
                                    max: number;
                                    mode: "all" | "any" | "sequential";
                                } | {
                                    /** @enum {string} */
                                    type: "field";
                                    fieldId: string;
                                    mode: "all" | "any" | "sequential";
                                };
                            } | {
                                id: string;
                                /** @enum {string} */
                                kind: "condition";
                                name: string;
                                branches: {
                                    id: string;
                                    name: string;
                                    clauses: ({
                                        /** @enum {string} */
                                        type: "field";
                                        fieldId: string;
                                        op: "eq" | "ne" | "gt" | "gte" | "lt" | "lte" | "in" | "contains";
                                        value: string | number | string[];
                                    } | {
                                        /** @enum {string} */
                                        type: "department";
                                        departmentIds: string[];
                                    })[];
                                    nodes: {
                                        id: string;
                                        kind: "approver" | "handler" | "cc";
                                        name: string;
                                        assignee: {
                                            /** @enum {string} */
                                            type: "members";
                                            memberIds: string[];
                                            mode: "all" | "any" | "sequential";
                                        } | {
                                            /** @enum {string} */
                                            type: "head";
                                            direction: "up" | "down";
                                            level: number;
                                            mode: "all" | "any";
                                        } | {
                                            /** @enum {string} */
                                            type: "tag";
                                            tagId: string;
                                            mode: "all" | "any";
                                        } | {
                                            /** @enum {string} */
                                            type: "applicant";
                                        } | {
                                            /** @enum {string} */
                                            type: "pick";
                                            range: {
                                                memberIds?: string[];
                                                departmentIds?: string[];
                                                tagIds?: string[];
                                            } | null;
                                            max: number;
                                            mode: "all" | "any" | "sequential";
                                        } | {
                                            /** @enum {string} */
                                            type: "field";
                                            fieldId: string;
                                            mode: "all" | "any" | "sequential";
                                        };
                                    }[];
                                }[];
                            })[];
                            settings: {
                                approverEmpty: {
                                    /** @enum {string} */
                                    action: "auto_approve";
                                } | {
                                    /** @enum {string} */
                                    action: "transfer";
                                    memberId: string;
                                };
                                approverDeparted: {
                                    /** @enum {string} */
                                    action: "remind_admin";
                                } | {
                                    /** @enum {string} */
                                    action: "handover";
                                    memberId: string;
                                };
                                handlerEmpty: {
                                    /** @enum {string} */
                                    action: "auto_approve";
                                } | {
                                    /** @enum {string} */
                                    action: "transfer";
                                    memberId: string;
                                };
                                handlerDeparted: {
                                    /** @enum {string} */
                                    action: "remind_admin";
                                } | {
                                    /** @enum {string} */
                                    action: "handover";
                                    memberId: string;
                                };
                                repeatApprover: "first_only" | "consecutive" | "every";
                                allowOnBehalf: boolean;
                                restrictView: boolean;
                                lockFixedCc: boolean;
                                lockFixedHandlers: boolean;
                                allowEditAfterApproval: boolean;
                                allowAddApprovers: boolean;
                                requireApprovalComment: boolean;
                                requireHandlingComment: boolean;
                                requireSignature: boolean;
                                withdrawRunning: boolean;
                                withdrawApproved: "never" | "any_time" | "within_days";
                                withdrawApprovedDays: number;
                            };
                            version: number;
                            archived: boolean;
                            /** @description A built-in template's kind (attendance.correction: 补卡); its form is fixed, its flow and settings are the admin's */
                            builtin: string | null;
                            /** @description 可见范围: who sees and submits it; null: everyone */
                            visibility: {
                                memberIds?: string[];
                                departmentIds?: string[];
                                tagIds?: string[];
                            } | null;
                            /** @description 协助管理: members who manage this template and read its requests */
                            assistantIds: string[];
                            canManage: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/templates/{templateId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    templateId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            form: {
                                id: string;
                                type: "text" | "number" | "money" | "date" | "select" | "multiselect" | "member" | "department" | "attachment";
                                label: string;
                                required: boolean;
                                options?: string[];
                            }[];
                            flow: ({
                                id: string;
                                kind: "approver" | "handler" | "cc";
                                name: string;
                                assignee: {
                                    /** @enum {string} */
                                    type: "members";
                                    memberIds: string[];
                                    mode: "all" | "any" | "sequential";
                                } | {
                                    /** @enum {string} */
                                    type: "head";
                                    direction: "up" | "down";
                                    level: number;
                                    mode: "all" | "any";
                                } | {
                                    /** @enum {string} */
                                    type: "tag";
                                    tagId: string;
                                    mode: "all" | "any";
                                } | {
                                    /** @enum {string} */
                                    type: "applicant";
                                } | {
                                    /** @enum {string} */
                                    type: "pick";
                                    range: {
                                        memberIds?: string[];
                                        departmentIds?: string[];
                                        tagIds?: string[];
                                    } | null;
                                    max: number;
                                    mode: "all" | "any" | "sequential";
                                } | {
                                    /** @enum {string} */
                                    type: "field";
                                    fieldId: string;
                                    mode: "all" | "any" | "sequential";
                                };
                            } | {
                                id: string;
                                /** @enum {string} */
                                kind: "condition";
                                name: string;
                                branches: {
                                    id: string;
                                    name: string;
                                    clauses: ({
                                        /** @enum {string} */
                                        type: "field";
                                        fieldId: string;
                                        op: "eq" | "ne" | "gt" | "gte" | "lt" | "lte" | "in" | "contains";
                                        value: string | number | string[];
                                    } | {
                                        /** @enum {string} */
                                        type: "department";
                                        departmentIds: string[];
                                    })[];
                                    nodes: {
                                        id: string;
                                        kind: "approver" | "handler" | "cc";
                                        name: string;
                                        assignee: {
                                            /** @enum {string} */
                                            type: "members";
                                            memberIds: string[];
                                            mode: "all" | "any" | "sequential";
                                        } | {
                                            /** @enum {string} */
                                            type: "head";
                                            direction: "up" | "down";
                                            level: number;
                                            mode: "all" | "any";
                                        } | {
                                            /** @enum {string} */
                                            type: "tag";
                                            tagId: string;
                                            mode: "all" | "any";
                                        } | {
                                            /** @enum {string} */
                                            type: "applicant";
                                        } | {
                                            /** @enum {string} */
                                            type: "pick";
                                            range: {
                                                memberIds?: string[];
                                                departmentIds?: string[];
                                                tagIds?: string[];
                                            } | null;
                                            max: number;
                                            mode: "all" | "any" | "sequential";
                                        } | {
                                            /** @enum {string} */
                                            type: "field";
                                            fieldId: string;
                                            mode: "all" | "any" | "sequential";
                                        };
                                    }[];
                                }[];
                            })[];
                            settings: {
                                approverEmpty: {
                                    /** @enum {string} */
                                    action: "auto_approve";
                                } | {
                                    /** @enum {string} */
                                    action: "transfer";
                                    memberId: string;
                                };
                                approverDeparted: {
                                    /** @enum {string} */
                                    action: "remind_admin";
                                } | {
                                    /** @enum {string} */
                                    action: "handover";
                                    memberId: string;
                                };
                                handlerEmpty: {
                                    /** @enum {string} */
                                    action: "auto_approve";
                                } | {
                                    /** @enum {string} */
                                    action: "transfer";
                                    memberId: string;
                                };
                                handlerDeparted: {
                                    /** @enum {string} */
                                    action: "remind_admin";
                                } | {
                                    /** @enum {string} */
                                    action: "handover";
                                    memberId: string;
                                };
                                repeatApprover: "first_only" | "consecutive" | "every";
                                allowOnBehalf: boolean;
                                restrictView: boolean;
                                lockFixedCc: boolean;
                                lockFixedHandlers: boolean;
                                allowEditAfterApproval: boolean;
                                allowAddApprovers: boolean;
                                requireApprovalComment: boolean;
                                requireHandlingComment: boolean;
                                requireSignature: boolean;
                                withdrawRunning: boolean;
                                withdrawApproved: "never" | "any_time" | "within_days";
                                withdrawApprovedDays: number;
                            };
                            version: number;
                            archived: boolean;
                            /** @description A built-in template's kind (attendance.correction: 补卡); its form is fixed, its flow and settings are the admin's */
                            builtin: string | null;
                            /** @description 可见范围: who sees and submits it; null: everyone */
                            visibility: {
                                memberIds?: string[];
                                departmentIds?: string[];
                                tagIds?: string[];
                            } | null;
                            /** @description 协助管理: members who manage this template and read its requests */
                            assistantIds: string[];
                            canManage: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        /** Replace a template (checked on save); admins of the app or its assistants (协助管理) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    templateId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description?: string;
                        form: {
                            id: string;
                            type: "text" | "number" | "money" | "date" | "select" | "multiselect" | "member" | "department" | "attachment";
                            label: string;
                            required: boolean;
                            options?: string[];
                        }[];
                        flow: ({
                            id: string;
                            kind: "approver" | "handler" | "cc";
                            name: string;
                            assignee: {
                                /** @enum {string} */
                                type: "members";
                                memberIds: string[];
                                mode: "all" | "any" | "sequential";
                            } | {
                                /** @enum {string} */
                                type: "head";
                                direction: "up" | "down";
                                level: number;
                                mode: "all" | "any";
                            } | {
                                /** @enum {string} */
                                type: "tag";
                                tagId: string;
                                mode: "all" | "any";
                            } | {
                                /** @enum {string} */
                                type: "applicant";
                            } | {
                                /** @enum {string} */
                                type: "pick";
                                range: {
                                    memberIds?: string[];
                                    departmentIds?: string[];
                                    tagIds?: string[];
                                } | null;
                                max: number;
                                mode: "all" | "any" | "sequential";
                            } | {
                                /** @enum {string} */
                                type: "field";
                                fieldId: string;
                                mode: "all" | "any" | "sequential";
                            };
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "condition";
                            name: string;
                            branches: {
                                id: string;
                                name: string;
                                clauses: ({
                                    /** @enum {string} */
                                    type: "field";
                                    fieldId: string;
                                    op: "eq" | "ne" | "gt" | "gte" | "lt" | "lte" | "in" | "contains";
                                    value: string | number | string[];
                                } | {
                                    /** @enum {string} */
                                    type: "department";
                                    departmentIds: string[];
                                })[];
                                nodes: {
                                    id: string;
                                    kind: "approver" | "handler" | "cc";
                                    name: string;
                                    assignee: {
                                        /** @enum {string} */
                                        type: "members";
                                        memberIds: string[];
                                        mode: "all" | "any" | "sequential";
                                    } | {
                                        /** @enum {string} */
                                        type: "head";
                                        direction: "up" | "down";
                                        level: number;
                                        mode: "all" | "any";
                                    } | {
                                        /** @enum {string} */
                                        type: "tag";
                                        tagId: string;
                                        mode: "all" | "any";
                                    } | {
                                        /** @enum {string} */
                                        type: "applicant";
                                    } | {
                                        /** @enum {string} */
                                        type: "pick";
                                        range: {
                                            memberIds?: string[];
                                            departmentIds?: string[];
                                            tagIds?: string[];
                                        } | null;
                                        max: number;
                                        mode: "all" | "any" | "sequential";
                                    } | {
                                        /** @enum {string} */
                                        type: "field";
                                        fieldId: string;
                                        mode: "all" | "any" | "sequential";
                                    };
                                }[];
                            }[];
                        })[];
                        settings?: {
                            approverEmpty: {
                                /** @enum {string} */
                                action: "auto_approve";
                            } | {
                                /** @enum {string} */
                                action: "transfer";
                                memberId: string;
                            };
                            approverDeparted: {
                                /** @enum {string} */
                                action: "remind_admin";
                            } | {
                                /** @enum {string} */
                                action: "handover";
                                memberId: string;
                            };
                            handlerEmpty: {
                                /** @enum {string} */
                                action: "auto_approve";
                            } | {
                                /** @enum {string} */
                                action: "transfer";
                                memberId: string;
                            };
                            handlerDeparted: {
                                /** @enum {string} */
                                action: "remind_admin";
                            } | {
                                /** @enum {string} */
                                action: "handover";
                                memberId: string;
                            };
                            repeatApprover: "first_only" | "consecutive" | "every";
                            allowOnBehalf: boolean;
                            restrictView: boolean;
                            lockFixedCc: boolean;
                            lockFixedHandlers: boolean;
                            allowEditAfterApproval: boolean;
                            allowAddApprovers: boolean;
                            requireApprovalComment: boolean;
                            requireHandlingComment: boolean;
                            requireSignature: boolean;
                            withdrawRunning: boolean;
                            withdrawApproved: "never" | "any_time" | "within_days";
                            withdrawApprovedDays: number;
                        };
                        visibility?: {
                            memberIds?: string[];
                            departmentIds?: string[];
                            tagIds?: string[];
                        } | null;
                        assistantIds?: string[];
                        expectedVersion: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            form: {
                                id: string;
                                type: "text" | "number" | "money" | "date" | "select" | "multiselect" | "member" | "department" | "attachment";
                                label: string;
                                required: boolean;
                                options?: string[];
                            }[];
                            flow: ({
                                id: string;
                                kind: "approver" | "handler" | "cc";
                                name: string;
                                assignee: {
                                    /** @enum {string} */
                                    type: "members";
                                    memberIds: string[];
                                    mode: "all" | "any" | "sequential";
                                } | {
                                    /** @enum {string} */
                                    type: "head";
                                    direction: "up" | "down";
                                    level: number;
                                    mode: "all" | "any";
                                } | {
                                    /** @enum {string} */
                                    type: "tag";
                                    tagId: string;
                                    mode: "all" | "any";
                                } | {
                                    /** @enum {string} */
                                    type: "applicant";
                                } | {
                                    /** @enum {string} */
                                    type: "pick";
                                    range: {
                                        memberIds?: string[];
                                        departmentIds?: string[];
                                        tagIds?: string[];
                                    } | null;
                                    max: number;
                                    mode: "all" | "any" | "sequential";
                                } | {
                                    /** @enum {string} */
                                    type: "field";
                                    fieldId: string;
                                    mode: "all" | "any" | "sequential";
                                };
                            } | {
                                id: string;
                                /** @enum {string} */
                                kind: "condition";
                                name: string;
                                branches: {
                                    id: string;
                                    name: string;
                                    clauses: ({
                                        /** @enum {string} */
                                        type: "field";
                                        fieldId: string;
                                        op: "eq" | "ne" | "gt" | "gte" | "lt" | "lte" | "in" | "contains";
                                        value: string | number | string[];
                                    } | {
                                        /** @enum {string} */
                                        type: "department";
                                        departmentIds: string[];
                                    })[];
                                    nodes: {
                                        id: string;
                                        kind: "approver" | "handler" | "cc";
                                        name: string;
                                        assignee: {
                                            /** @enum {string} */
                                            type: "members";
                                            memberIds: string[];
                                            mode: "all" | "any" | "sequential";
                                        } | {
                                            /** @enum {string} */
                                            type: "head";
                                            direction: "up" | "down";
                                            level: number;
                                            mode: "all" | "any";
                                        } | {
                                            /** @enum {string} */
                                            type: "tag";
                                            tagId: string;
                                            mode: "all" | "any";
                                        } | {
                                            /** @enum {string} */
                                            type: "applicant";
                                        } | {
                                            /** @enum {string} */
                                            type: "pick";
                                            range: {
                                                memberIds?: string[];
                                                departmentIds?: string[];
                                                tagIds?: string[];
                                            } | null;
                                            max: number;
                                            mode: "all" | "any" | "sequential";
                                        } | {
                                            /** @enum {string} */
                                            type: "field";
                                            fieldId: string;
                                            mode: "all" | "any" | "sequential";
                                        };
                                    }[];
                                }[];
                            })[];
                            settings: {
                                approverEmpty: {
                                    /** @enum {string} */
                                    action: "auto_approve";
                                } | {
                                    /** @enum {string} */
                                    action: "transfer";
                                    memberId: string;
                                };
                                approverDeparted: {
                                    /** @enum {string} */
                                    action: "remind_admin";
                                } | {
                                    /** @enum {string} */
                                    action: "handover";
                                    memberId: string;
                                };
                                handlerEmpty: {
                                    /** @enum {string} */
                                    action: "auto_approve";
                                } | {
                                    /** @enum {string} */
                                    action: "transfer";
                                    memberId: string;
                                };
                                handlerDeparted: {
                                    /** @enum {string} */
                                    action: "remind_admin";
                                } | {
                                    /** @enum {string} */
                                    action: "handover";
                                    memberId: string;
                                };
                                repeatApprover: "first_only" | "consecutive" | "every";
                                allowOnBehalf: boolean;
                                restrictView: boolean;
                                lockFixedCc: boolean;
                                lockFixedHandlers: boolean;
                                allowEditAfterApproval: boolean;
                                allowAddApprovers: boolean;
                                requireApprovalComment: boolean;
                                requireHandlingComment: boolean;
                                requireSignature: boolean;
                                withdrawRunning: boolean;
                                withdrawApproved: "never" | "any_time" | "within_days";
                                withdrawApprovedDays: number;
                            };
                            version: number;
                            archived: boolean;
                            /** @description A built-in template's kind (attendance.correction: 补卡); its form is fixed, its flow and settings are the admin's */
                            builtin: string | null;
                            /** @description 可见范围: who sees and submits it; null: everyone */
                            visibility: {
                                memberIds?: string[];
                                departmentIds?: string[];
                                tagIds?: string[];
                            } | null;
                            /** @description 协助管理: members who manage this template and read its requests */
                            assistantIds: string[];
                            canManage: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Stop using a template (running requests go on) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    templateId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审批数据: every request (of the templates one assists, for an assistant), newest first, by template, status, applicant and time */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    templateId?: string;
                    status?: "running" | "approved" | "rejected" | "withdrawn";
                    applicantId?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                templateId: string;
                                templateName: string;
                                applicantId: string;
                                applicantName: string;
                                submitterName: string;
                                status: "running" | "approved" | "rejected" | "withdrawn";
                                /** Format: date-time */
                                submittedAt: string;
                                finishedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/data/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the filtered requests as .xlsx (streamed) */
        get: {
            parameters: {
                query: {
                    templateId?: string;
                    status?: "running" | "approved" | "rejected" | "withdrawn";
                    applicantId?: string;
                    from?: string;
                    to?: string;
                    /** @description the language of the headers and statuses */
                    lang: "zh-CN" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/tasks/{taskId}/handover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An admin hands a departed member's task to someone else */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        toMemberId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            instanceId: string;
                            instanceStatus: string;
                            taskId: string | null;
                            taskStatus: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members, tags and departments to choose from */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                id: string;
                                name: string;
                            }[];
                            tags: {
                                id: string;
                                name: string;
                            }[];
                            departments: {
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The path a submission would take, and who gets each step */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        templateId: string;
                        applicantId?: string;
                        form: {
                            [key: string]: string | number | string[];
                        };
                        picks?: {
                            [key: string]: string[];
                        };
                        ccAdd?: string[];
                        ccRemove?: string[];
                        handlerOverrides?: {
                            [key: string]: string[];
                        };
                        mentions?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            steps: {
                                nodeId: string;
                                kind: string;
                                name: string;
                                mode: string;
                                assigneeIds: string[];
                                autoApproved: boolean;
                                origin: string;
                                dropped?: boolean;
                                reasons: {
                                    code: string;
                                    text: string;
                                    data?: {
                                        [key: string]: unknown;
                                    };
                                }[];
                                perAssignee: {
                                    [key: string]: {
                                        code: string;
                                        text: string;
                                        data?: {
                                            [key: string]: unknown;
                                        };
                                    }[];
                                };
                            }[];
                            branches: {
                                nodeId: string;
                                branchId: string;
                                branchName: string;
                            }[];
                            names: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member's to do, done, submitted or CC'd requests */
        get: {
            parameters: {
                query: {
                    box: "todo" | "done" | "submitted" | "cc";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                instanceId: string;
                                taskId: string | null;
                                templateName: string;
                                applicantId: string;
                                applicantName: string;
                                status: string;
                                taskKind: string | null;
                                taskStatus: string | null;
                                /** Format: date-time */
                                submittedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Submit a request */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        templateId: string;
                        applicantId?: string;
                        form: {
                            [key: string]: string | number | string[];
                        };
                        picks?: {
                            [key: string]: string[];
                        };
                        ccAdd?: string[];
                        ccRemove?: string[];
                        handlerOverrides?: {
                            [key: string]: string[];
                        };
                        mentions?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            instanceId: string;
                            instanceStatus: string;
                            taskId: string | null;
                            taskStatus: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A request with its whole trail and why each task went to whom */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            templateId: string;
                            templateName: string;
                            status: string;
                            applicantId: string;
                            applicantName: string;
                            submitterId: string;
                            submitterName: string;
                            fields: {
                                id: string;
                                type: "text" | "number" | "money" | "date" | "select" | "multiselect" | "member" | "department" | "attachment";
                                label: string;
                                required: boolean;
                                options?: string[];
                            }[];
                            form: {
                                [key: string]: string | number | string[];
                            };
                            settings: {
                                approverEmpty: {
                                    /** @enum {string} */
                                    action: "auto_approve";
                                } | {
                                    /** @enum {string} */
                                    action: "transfer";
                                    memberId: string;
                                };
                                approverDeparted: {
                                    /** @enum {string} */
                                    action: "remind_admin";
                                } | {
                                    /** @enum {string} */
                                    action: "handover";
                                    memberId: string;
                                };
                                handlerEmpty: {
                                    /** @enum {string} */
                                    action: "auto_approve";
                                } | {
                                    /** @enum {string} */
                                    action: "transfer";
                                    memberId: string;
                                };
                                handlerDeparted: {
                                    /** @enum {string} */
                                    action: "remind_admin";
                                } | {
                                    /** @enum {string} */
                                    action: "handover";
                                    memberId: string;
                                };
                                repeatApprover: "first_only" | "consecutive" | "every";
                                allowOnBehalf: boolean;
                                restrictView: boolean;
                                lockFixedCc: boolean;
                                lockFixedHandlers: boolean;
                                allowEditAfterApproval: boolean;
                                allowAddApprovers: boolean;
                                requireApprovalComment: boolean;
                                requireHandlingComment: boolean;
                                requireSignature: boolean;
                                withdrawRunning: boolean;
                                withdrawApproved: "never" | "any_time" | "within_days";
                                withdrawApprovedDays: number;
                            };
                            steps: {
                                nodeId: string;
                                kind: string;
                                name: string;
                                mode: string;
                                assigneeIds: string[];
                                autoApproved: boolean;
                                origin: string;
                                dropped?: boolean;
                                reasons: {
                                    code: string;
                                    text: string;
                                    data?: {
                                        [key: string]: unknown;
                                    };
                                }[];
                                perAssignee: {
                                    [key: string]: {
                                        code: string;
                                        text: string;
                                        data?: {
                                            [key: string]: unknown;
                                        };
                                    }[];
                                };
                            }[];
                            currentStep: number;
                            version: number;
                            mentions: string[];
                            tasks: {
                                id: string;
                                step: number;
                                kind: string;
                                assigneeId: string;
                                assigneeName: string;
                                status: string;
                                comment: string | null;
                                signed: boolean;
                                why: {
                                    code: string;
                                    text: string;
                                    data?: {
                                        [key: string]: unknown;
                                    };
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                actedAt: string | null;
                            }[];
                            trail: {
                                id: string;
                                action: string;
                                actorId: string | null;
                                actorName: string | null;
                                taskId: string | null;
                                comment: string | null;
                                details: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                at: string;
                            }[];
                            pendingEdit: {
                                [key: string]: string | number | string[];
                            } | null;
                            /** @description 撤销权限: whether the caller may withdraw it now */
                            canWithdraw: boolean;
                            /** Format: date-time */
                            submittedAt: string;
                            finishedAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/requests/{requestId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The applicant withdraws a request, as the template's 撤销权限 allows */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            instanceId: string;
                            instanceStatus: string;
                            taskId: string | null;
                            taskStatus: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/requests/{requestId}/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Edit an approved request, with the consent of its approvers and handlers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        form: {
                            [key: string]: string | number | string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            instanceId: string;
                            instanceStatus: string;
                            taskId: string | null;
                            taskStatus: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/tasks/{taskId}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve, reject, handle, transfer, return or add approvers */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "approve";
                        comment?: string;
                        signature?: string;
                    } | {
                        /** @enum {string} */
                        action: "reject";
                        comment?: string;
                    } | {
                        /** @enum {string} */
                        action: "handle";
                        comment?: string;
                    } | {
                        /** @enum {string} */
                        action: "transfer";
                        toMemberId: string;
                        comment?: string;
                    } | {
                        /** @enum {string} */
                        action: "return";
                        comment?: string;
                    } | {
                        /** @enum {string} */
                        action: "add_approvers";
                        memberIds: string[];
                        mode: "all" | "any" | "sequential";
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            instanceId: string;
                            instanceStatus: string;
                            taskId: string | null;
                            taskStatus: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in member's messages, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description who sent it: a built-in app's or module's code (approvals, attendance, features, docs) or a custom app's id */
                                app: string;
                                /** @description a custom app's name as the enterprise wrote it; null for a built-in app (the console names it by `app` in the reader's language) or a deleted one */
                                appName: string | null;
                                title: string;
                                body: string;
                                link: string | null;
                                /** @description what the console shows in the reader's language (a module's notice); null for an app's message, shown as written */
                                text: {
                                    key: string;
                                    params: {
                                        [key: string]: string | number;
                                    };
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                readAt: string | null;
                            }[];
                            nextCursor: string | null;
                            unread: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox/{messageId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wecom/sync-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the contacts-sync secret (通讯录同步) is set, and since when */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            configured: boolean;
                            createdAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Reset the contacts-sync secret; shown once, the old one and its token stop working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 接收消息: the callback URL, Token and EncodingAESKey, or null when none is set */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            callback: {
                                url: string;
                                token: string;
                                aesKey: string;
                                /** Format: date-time */
                                updatedAt: string;
                            } | null;
                        };
                    };
                };
            };
        };
        /** Set the callback; the URL is verified first with WeCom’s GET handshake (an encrypted echostr it must answer decrypted) and nothing is saved when it fails */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description http:// or https:// address that answers the GET handshake */
                        url: string;
                        token: string;
                        /** @description EncodingAESKey: 43 letters and digits */
                        aesKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            url: string;
                            token: string;
                            aesKey: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/callback/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log of the app’s callbacks, newest first, with every attempt */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description the same on every retry and replay: receivers dedupe on it (BanyanEventId in the XML, the Banyan-Event-Id header) */
                                eventId: string;
                                /** @description change_contact/create_user, change_contact/delete_party… */
                                eventType: string;
                                status: "pending" | "delivered" | "failed";
                                attempts: {
                                    n: number;
                                    /** Format: date-time */
                                    at: string;
                                    code: number | null;
                                    error: string | null;
                                }[];
                                nextAttemptAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                deliveredAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/callback/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivered or failed event again now, with the same event id */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event types a webhook can subscribe to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ("change_contact/create_user" | "change_contact/update_user" | "change_contact/delete_user" | "change_contact/create_party" | "change_contact/update_party" | "change_contact/delete_party" | "sys_approval_change" | "change_external_contact/add_external_contact" | "change_external_contact/add_half_external_contact" | "change_external_contact/del_external_contact" | "change_external_contact/del_follow_user")[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The enterprise’s webhooks (their secrets are not shown again) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                url: string;
                                description: string;
                                eventTypes: ("change_contact/create_user" | "change_contact/update_user" | "change_contact/delete_user" | "change_contact/create_party" | "change_contact/update_party" | "change_contact/delete_party" | "sys_approval_change" | "change_external_contact/add_external_contact" | "change_external_contact/add_half_external_contact" | "change_external_contact/del_external_contact" | "change_external_contact/del_follow_user")[];
                                enabled: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Subscribe a URL to event types; answers the signing secret, shown this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description http:// or https:// address that takes the POSTs */
                        url: string;
                        description?: string;
                        eventTypes: ("change_contact/create_user" | "change_contact/update_user" | "change_contact/delete_user" | "change_contact/create_party" | "change_contact/update_party" | "change_contact/delete_party" | "sys_approval_change" | "change_external_contact/add_external_contact" | "change_external_contact/add_half_external_contact" | "change_external_contact/del_external_contact" | "change_external_contact/del_follow_user")[];
                        /** @default true */
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            webhook: {
                                id: string;
                                url: string;
                                description: string;
                                eventTypes: ("change_contact/create_user" | "change_contact/update_user" | "change_contact/delete_user" | "change_contact/create_party" | "change_contact/update_party" | "change_contact/delete_party" | "sys_approval_change" | "change_external_contact/add_external_contact" | "change_external_contact/add_half_external_contact" | "change_external_contact/del_external_contact" | "change_external_contact/del_follow_user")[];
                                enabled: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a webhook’s URL, description, event types or whether it is on */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    webhookId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description http:// or https:// address that takes the POSTs */
                        url: string;
                        description?: string;
                        eventTypes: ("change_contact/create_user" | "change_contact/update_user" | "change_contact/delete_user" | "change_contact/create_party" | "change_contact/update_party" | "change_contact/delete_party" | "sys_approval_change" | "change_external_contact/add_external_contact" | "change_external_contact/add_half_external_contact" | "change_external_contact/del_external_contact" | "change_external_contact/del_follow_user")[];
                        /** @default true */
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            description: string;
                            eventTypes: ("change_contact/create_user" | "change_contact/update_user" | "change_contact/delete_user" | "change_contact/create_party" | "change_contact/update_party" | "change_contact/delete_party" | "sys_approval_change" | "change_external_contact/add_external_contact" | "change_external_contact/add_half_external_contact" | "change_external_contact/del_external_contact" | "change_external_contact/del_follow_user")[];
                            enabled: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    webhookId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{webhookId}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret, shown this once; the old one stops at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    webhookId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description whsec_…: signs every delivery (Banyan-Signature); shown this once */
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhook’s delivery log, newest first, with every attempt */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    webhookId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description the same on every retry and replay: receivers dedupe on it (BanyanEventId in the XML, the Banyan-Event-Id header) */
                                eventId: string;
                                /** @description change_contact/create_user, change_contact/delete_party… */
                                eventType: string;
                                status: "pending" | "delivered" | "failed";
                                attempts: {
                                    n: number;
                                    /** Format: date-time */
                                    at: string;
                                    code: number | null;
                                    error: string | null;
                                }[];
                                nextAttemptAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                deliveredAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivered or failed event again now, with the same event id */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    webhookId: string;
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Clock-in rules (打卡规则) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                members: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                                workDays: number[];
                                shift: {
                                    start: string;
                                    end: string;
                                    lateGraceMinutes: number;
                                    earlyGraceMinutes: number;
                                };
                                holidays: string[];
                                places: {
                                    name: string;
                                    lat: number;
                                    lng: number;
                                    radiusM: number;
                                }[];
                                wifi: {
                                    ssid: string;
                                    bssid: string;
                                }[];
                                photo: boolean;
                                face: boolean;
                                machines: boolean;
                                usualDeviceLimit: number;
                                overLimit: "photo_note" | "refuse";
                                correctionsPerMonth: number;
                                createdBy: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a clock-in rule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        members: {
                            memberIds: string[];
                            departmentIds: string[];
                            tagIds: string[];
                        };
                        workDays: number[];
                        shift: {
                            /** @description HH:MM, Asia/Shanghai */
                            start: string;
                            /** @description HH:MM, Asia/Shanghai */
                            end: string;
                            lateGraceMinutes: number;
                            earlyGraceMinutes: number;
                        };
                        holidays: string[];
                        places: {
                            name: string;
                            lat: number;
                            lng: number;
                            radiusM: number;
                        }[];
                        wifi: {
                            ssid: string;
                            bssid: string;
                        }[];
                        photo: boolean;
                        /** @description 人脸识别: every clock-in needs a passing face check */
                        face: boolean;
                        machines: boolean;
                        /** @description 打卡常用设备数量; 0: no limit */
                        usualDeviceLimit: number;
                        /** @description 超出常用设备: 需拍照备注, or refuse */
                        overLimit: "photo_note" | "refuse";
                        /** @description 补卡: corrections a member may ask per month (default 5, as WeCom; 0: none); kept when absent on a replace */
                        correctionsPerMonth?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            members: {
                                memberIds: string[];
                                departmentIds: string[];
                                tagIds: string[];
                            };
                            workDays: number[];
                            shift: {
                                start: string;
                                end: string;
                                lateGraceMinutes: number;
                                earlyGraceMinutes: number;
                            };
                            holidays: string[];
                            places: {
                                name: string;
                                lat: number;
                                lng: number;
                                radiusM: number;
                            }[];
                            wifi: {
                                ssid: string;
                                bssid: string;
                            }[];
                            photo: boolean;
                            face: boolean;
                            machines: boolean;
                            usualDeviceLimit: number;
                            overLimit: "photo_note" | "refuse";
                            correctionsPerMonth: number;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/rules/{ruleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ruleId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            members: {
                                memberIds: string[];
                                departmentIds: string[];
                                tagIds: string[];
                            };
                            workDays: number[];
                            shift: {
                                start: string;
                                end: string;
                                lateGraceMinutes: number;
                                earlyGraceMinutes: number;
                            };
                            holidays: string[];
                            places: {
                                name: string;
                                lat: number;
                                lng: number;
                                radiusM: number;
                            }[];
                            wifi: {
                                ssid: string;
                                bssid: string;
                            }[];
                            photo: boolean;
                            face: boolean;
                            machines: boolean;
                            usualDeviceLimit: number;
                            overLimit: "photo_note" | "refuse";
                            correctionsPerMonth: number;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        /** Replace a clock-in rule */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ruleId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        members: {
                            memberIds: string[];
                            departmentIds: string[];
                            tagIds: string[];
                        };
                        workDays: number[];
                        shift: {
                            /** @description HH:MM, Asia/Shanghai */
                            start: string;
                            /** @description HH:MM, Asia/Shanghai */
                            end: string;
                            lateGraceMinutes: number;
                            earlyGraceMinutes: number;
                        };
                        holidays: string[];
                        places: {
                            name: string;
                            lat: number;
                            lng: number;
                            radiusM: number;
                        }[];
                        wifi: {
                            ssid: string;
                            bssid: string;
                        }[];
                        photo: boolean;
                        /** @description 人脸识别: every clock-in needs a passing face check */
                        face: boolean;
                        machines: boolean;
                        /** @description 打卡常用设备数量; 0: no limit */
                        usualDeviceLimit: number;
                        /** @description 超出常用设备: 需拍照备注, or refuse */
                        overLimit: "photo_note" | "refuse";
                        /** @description 补卡: corrections a member may ask per month (default 5, as WeCom; 0: none); kept when absent on a replace */
                        correctionsPerMonth?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            members: {
                                memberIds: string[];
                                departmentIds: string[];
                                tagIds: string[];
                            };
                            workDays: number[];
                            shift: {
                                start: string;
                                end: string;
                                lateGraceMinutes: number;
                                earlyGraceMinutes: number;
                            };
                            holidays: string[];
                            places: {
                                name: string;
                                lat: number;
                                lng: number;
                                radiusM: number;
                            }[];
                            wifi: {
                                ssid: string;
                                bssid: string;
                            }[];
                            photo: boolean;
                            face: boolean;
                            machines: boolean;
                            usualDeviceLimit: number;
                            overLimit: "photo_note" | "refuse";
                            correctionsPerMonth: number;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ruleId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/rules/{ruleId}/usual-devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members' usual devices (成员常用设备管理) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ruleId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                memberId: string;
                                deviceId: string;
                                /** Format: date-time */
                                boundAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/rules/{ruleId}/usual-devices/{memberId}/{deviceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unbind a usual device */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ruleId: string;
                    memberId: string;
                    deviceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/clock-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clock in (打卡) at the server time; a photo gets a watermark of place and server time */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The phone or browser install id */
                        deviceId: string;
                        lat?: number;
                        lng?: number;
                        wifi?: {
                            ssid: string;
                            bssid: string;
                        };
                        note?: string;
                        face?: number[];
                        photo?: {
                            contentType: "image/jpeg" | "image/png";
                            dataBase64: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            memberId: string;
                            ruleId: string;
                            /** Format: date-time */
                            at: string;
                            day: string;
                            kind: "in" | "out";
                            restDay: boolean;
                            /** @description correction: written by an approved 补卡 request */
                            source: "phone" | "machine" | "correction";
                            deviceId: string;
                            faceCheck: "pass" | null;
                            verdicts: ("时间异常" | "地点异常" | "wifi异常" | "非常用设备" | "未打卡")[];
                            /** @description The approved 补卡 request of a correction */
                            approvalId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/clock-ins/{clockInId}/photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A clock-in's watermarked photo (the member's own, or an admin's in scope); with 暗水印 on, the viewer's mark in its pixels */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clockInId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/my-rule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member's own clock-in rule and whether today is a work day */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rule: {
                                id: string;
                                name: string;
                                workDays: number[];
                                shift: {
                                    start: string;
                                    end: string;
                                    lateGraceMinutes: number;
                                    earlyGraceMinutes: number;
                                };
                                holidays: string[];
                                places: {
                                    name: string;
                                    lat: number;
                                    lng: number;
                                    radiusM: number;
                                }[];
                                wifi: {
                                    ssid: string;
                                    bssid: string;
                                }[];
                                photo: boolean;
                                face: boolean;
                                machines: boolean;
                                usualDeviceLimit: number;
                                overLimit: "photo_note" | "refuse";
                                correctionsPerMonth: number;
                            } | null;
                            /** @description Today in Asia/Shanghai */
                            day: string;
                            /** @description Today is not a work day of the rule, or a holiday */
                            restDay: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/my-clock-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member's own clock-ins of a day (default today, Asia/Shanghai) */
        get: {
            parameters: {
                query?: {
                    day?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                memberId: string;
                                ruleId: string;
                                /** Format: date-time */
                                at: string;
                                day: string;
                                kind: "in" | "out";
                                restDay: boolean;
                                /** @description correction: written by an approved 补卡 request */
                                source: "phone" | "machine" | "correction";
                                deviceId: string;
                                faceCheck: "pass" | null;
                                verdicts: ("时间异常" | "地点异常" | "wifi异常" | "非常用设备" | "未打卡")[];
                                /** @description The approved 补卡 request of a correction */
                                approvalId: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/my-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member's records of a month (未打卡 and abnormal ones can be corrected: 补卡) and the month's corrections used */
        get: {
            parameters: {
                query?: {
                    /** @description YYYY-MM; default this month (Asia/Shanghai) */
                    month?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            month: string;
                            corrections: {
                                used: number;
                                /** @description Of the rule the member is under now */
                                limit: number;
                            };
                            items: {
                                day: string;
                                kind: "in" | "out";
                                clockIn: {
                                    id: string;
                                    memberId: string;
                                    ruleId: string;
                                    /** Format: date-time */
                                    at: string;
                                    day: string;
                                    kind: "in" | "out";
                                    restDay: boolean;
                                    /** @description correction: written by an approved 补卡 request */
                                    source: "phone" | "machine" | "correction";
                                    deviceId: string;
                                    faceCheck: "pass" | null;
                                    verdicts: ("时间异常" | "地点异常" | "wifi异常" | "非常用设备" | "未打卡")[];
                                    /** @description The approved 补卡 request of a correction */
                                    approvalId: string | null;
                                } | null;
                                verdicts: ("时间异常" | "地点异常" | "wifi异常" | "非常用设备" | "未打卡")[];
                                correction: {
                                    id: string;
                                    memberId: string;
                                    day: string;
                                    kind: "in" | "out";
                                    /** Format: date-time */
                                    punchAt: string;
                                    reason: string;
                                    approvalId: string;
                                    status: "pending" | "approved" | "rejected" | "withdrawn";
                                    clockInId: string | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 补卡: ask to correct an own 未打卡 or abnormal record; it becomes an approval of the built-in 补卡 template */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description YYYY-MM-DD */
                        day: string;
                        kind: "in" | "out";
                        /** @description 补卡事由 */
                        reason: string;
                        /** @description The abnormal clock-in being corrected, when there is one */
                        clockInId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            memberId: string;
                            day: string;
                            kind: "in" | "out";
                            /** Format: date-time */
                            punchAt: string;
                            reason: string;
                            approvalId: string;
                            status: "pending" | "approved" | "rejected" | "withdrawn";
                            clockInId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/anti-cheat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 防作弊管理: face-rule counts and the methods each rule uses */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 已设置人脸识别的打卡规则 */
                            faceRules: number;
                            /** @description 未设置人脸识别的打卡规则 */
                            noFaceRules: number;
                            rules: {
                                id: string;
                                name: string;
                                face: boolean;
                                photo: boolean;
                                wifi: boolean;
                                machines: boolean;
                                usualDeviceLimit: number;
                                overLimit: "photo_note" | "refuse";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/my-face": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the member has enrolled a face */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enrolled: boolean;
                        };
                    };
                };
            };
        };
        /** 人脸录入: the descriptor the device computed (unique in the enterprise) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        descriptor: number[];
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/machines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 考勤机: the machines whose devices the actor manages */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                deviceId: string;
                                name: string;
                                serial: string;
                                model: string;
                                clockIn: boolean;
                                door: boolean;
                                range: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 添加考勤机: binds the device (bind right); the secret is shown this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        serial: string;
                        model: string;
                        /** @description 打卡: punches are clock-ins */
                        clockIn: boolean;
                        /** @description 门禁: punches open the door; both on is 配套使用, both off is refused */
                        door: boolean;
                        /** @description 适用范围: the members who punch on this machine */
                        range: {
                            memberIds: string[];
                            departmentIds: string[];
                            tagIds: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            machine: {
                                deviceId: string;
                                name: string;
                                serial: string;
                                model: string;
                                clockIn: boolean;
                                door: boolean;
                                range: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                                /** Format: date-time */
                                createdAt: string;
                            };
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/machines/{deviceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** What the machine serves (打卡, 门禁, both: 配套使用) and its range */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    deviceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 打卡: punches are clock-ins */
                        clockIn: boolean;
                        /** @description 门禁: punches open the door; both on is 配套使用, both off is refused */
                        door: boolean;
                        /** @description 适用范围: the members who punch on this machine */
                        range: {
                            memberIds: string[];
                            departmentIds: string[];
                            tagIds: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deviceId: string;
                            name: string;
                            serial: string;
                            model: string;
                            clockIn: boolean;
                            door: boolean;
                            range: {
                                memberIds: string[];
                                departmentIds: string[];
                                tagIds: string[];
                            };
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/machines/{deviceId}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the machine's secret (the old one stops at once); shown this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    deviceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Shown this once; stored as its hash */
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/machines/{deviceId}/punches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The machine's last 200 punches, rejected ones with their reason */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    deviceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                punchId: string;
                                memberId: string;
                                /** Format: date-time */
                                at: string;
                                status: "accepted" | "rejected";
                                reason: ("out_of_range" | "no_rule" | "rule_without_machines") | null;
                                clockInId: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/machine-punches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A machine's batch of punches (at most 200), authenticated by its secret (Authorization: Bearer <secret>) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        corpId: string;
                        deviceId: string;
                        punches: {
                            /** @description The machine's own id of the punch: sent again, it writes nothing new */
                            punchId: string;
                            memberId: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                punchId: string;
                                status: "accepted" | "rejected" | "duplicate";
                                /** @description out_of_range: not in the machine's range; no_rule: under no clock-in rule; rule_without_machines: the rule does not use 考勤机 */
                                reason?: "out_of_range" | "no_rule" | "rule_without_machines";
                                clockInId?: string;
                                verdicts?: ("时间异常" | "地点异常" | "wifi异常" | "非常用设备" | "未打卡")[];
                                accessId?: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A day's clock-ins of the members in the admin's scope */
        get: {
            parameters: {
                query: {
                    /** @description YYYY-MM-DD */
                    day: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                memberId: string;
                                ruleId: string;
                                /** Format: date-time */
                                at: string;
                                day: string;
                                kind: "in" | "out";
                                restDay: boolean;
                                /** @description correction: written by an approved 补卡 request */
                                source: "phone" | "machine" | "correction";
                                deviceId: string;
                                faceCheck: "pass" | null;
                                verdicts: ("时间异常" | "地点异常" | "wifi异常" | "非常用设备" | "未打卡")[];
                                /** @description The approved 补卡 request of a correction */
                                approvalId: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Daily or monthly summary per member (late, early, 未打卡, exceptions) */
        get: {
            parameters: {
                query: {
                    /** @description YYYY-MM-DD */
                    from: string;
                    /** @description YYYY-MM-DD */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                memberId: string;
                                name: string;
                                late: number;
                                early: number;
                                missed: number;
                                exceptions: number;
                                /** @description 补卡: approved corrections, counted on time */
                                corrected: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/summary/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The summary as .xlsx */
        get: {
            parameters: {
                query: {
                    /** @description YYYY-MM-DD */
                    from: string;
                    /** @description YYYY-MM-DD */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/ip-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** IP 访问限制: the networks mail and drive may be reached from */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            policy: {
                                enabled: boolean;
                                mail: string[];
                                drive: string[];
                                exempt: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                            };
                        };
                    };
                };
            };
        };
        /** Set IP 访问限制 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        mail: string[];
                        drive: string[];
                        exempt: {
                            memberIds: string[];
                            departmentIds: string[];
                            tagIds: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            policy: {
                                enabled: boolean;
                                mail: string[];
                                drive: string[];
                                exempt: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/watermark-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 明水印: per surface whether it is drawn and what it says */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            policy: {
                                chat: {
                                    enabled: boolean;
                                    content: ("name" | "phone" | "account" | "time" | "custom")[];
                                    hidden?: boolean;
                                };
                                contacts: {
                                    enabled: boolean;
                                    content: ("name" | "phone" | "account" | "time" | "custom")[];
                                    hidden?: boolean;
                                };
                                mail: {
                                    enabled: boolean;
                                    content: ("name" | "phone" | "account" | "time" | "custom")[];
                                    hidden?: boolean;
                                };
                                docs: {
                                    enabled: boolean;
                                    content: ("name" | "phone" | "account" | "time" | "custom")[];
                                    hidden?: boolean;
                                };
                                drive: {
                                    enabled: boolean;
                                    content: ("name" | "phone" | "account" | "time" | "custom")[];
                                    hidden?: boolean;
                                };
                                customText: string;
                            };
                        };
                    };
                };
            };
        };
        /** Set 明水印 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        chat: {
                            enabled: boolean;
                            content: ("name" | "phone" | "account" | "time" | "custom")[];
                            hidden?: boolean;
                        };
                        contacts: {
                            enabled: boolean;
                            content: ("name" | "phone" | "account" | "time" | "custom")[];
                            hidden?: boolean;
                        };
                        mail: {
                            enabled: boolean;
                            content: ("name" | "phone" | "account" | "time" | "custom")[];
                            hidden?: boolean;
                        };
                        docs: {
                            enabled: boolean;
                            content: ("name" | "phone" | "account" | "time" | "custom")[];
                            hidden?: boolean;
                        };
                        drive: {
                            enabled: boolean;
                            content: ("name" | "phone" | "account" | "time" | "custom")[];
                            hidden?: boolean;
                        };
                        customText: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            policy: {
                                chat: {
                                    enabled: boolean;
                                    content: ("name" | "phone" | "account" | "time" | "custom")[];
                                    hidden?: boolean;
                                };
                                contacts: {
                                    enabled: boolean;
                                    content: ("name" | "phone" | "account" | "time" | "custom")[];
                                    hidden?: boolean;
                                };
                                mail: {
                                    enabled: boolean;
                                    content: ("name" | "phone" | "account" | "time" | "custom")[];
                                    hidden?: boolean;
                                };
                                docs: {
                                    enabled: boolean;
                                    content: ("name" | "phone" | "account" | "time" | "custom")[];
                                    hidden?: boolean;
                                };
                                drive: {
                                    enabled: boolean;
                                    content: ("name" | "phone" | "account" | "time" | "custom")[];
                                    hidden?: boolean;
                                };
                                customText: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/client-policies/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 截屏/录屏管控 or 分享到外部管理 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "screen_capture" | "share_external";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            policy: {
                                enabled: boolean;
                                scope: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                                whitelist: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                            };
                        };
                    };
                };
            };
        };
        /** Set 截屏/录屏管控 or 分享到外部管理 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "screen_capture" | "share_external";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        scope: {
                            memberIds: string[];
                            departmentIds: string[];
                            tagIds: string[];
                        };
                        whitelist: {
                            memberIds: string[];
                            departmentIds: string[];
                            tagIds: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            policy: {
                                enabled: boolean;
                                scope: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                                whitelist: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/violations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What clients reported breaking a policy, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    kind?: "screen_capture" | "share_external";
                    memberId?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: string;
                                memberId: string;
                                memberName: string;
                                detail: string;
                                address: string;
                                /** Format: date-time */
                                occurredAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** A client reports a screenshot or an external share */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kind: "screen_capture" | "share_external";
                        detail: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/leak-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 文件防泄漏: whose files become confidential, and whether they may be downloaded or shared out */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            policy: {
                                enabled: boolean;
                                scope: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                                whitelist: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                                blockDownload: boolean;
                                blockExternalShare: boolean;
                            };
                        };
                    };
                };
            };
        };
        /** Set 文件防泄漏 (禁止分享到外部 only while leak prevention is on) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        scope: {
                            memberIds: string[];
                            departmentIds: string[];
                            tagIds: string[];
                        };
                        whitelist: {
                            memberIds: string[];
                            departmentIds: string[];
                            tagIds: string[];
                        };
                        blockDownload: boolean;
                        blockExternalShare: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            policy: {
                                enabled: boolean;
                                scope: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                                whitelist: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                                blockDownload: boolean;
                                blockExternalShare: boolean;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/device-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 设备管理: who signs in only from registered or approved devices */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            policy: {
                                enabled: boolean;
                                newDevice: "approval" | "refuse";
                                scope: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                                whitelist: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                            };
                        };
                    };
                };
            };
        };
        /** Set 设备登录限制 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        newDevice: "approval" | "refuse";
                        scope: {
                            memberIds: string[];
                            departmentIds: string[];
                            tagIds: string[];
                        };
                        whitelist: {
                            memberIds: string[];
                            departmentIds: string[];
                            tagIds: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            policy: {
                                enabled: boolean;
                                newDevice: "approval" | "refuse";
                                scope: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                                whitelist: {
                                    memberIds: string[];
                                    departmentIds: string[];
                                    tagIds: string[];
                                };
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The members’ enterprise and personal devices, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    status?: "pending" | "approved" | "refused" | "revoked";
                    memberId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                memberId: string;
                                memberName: string;
                                deviceKey: string;
                                name: string;
                                kind: "enterprise" | "personal";
                                status: "pending" | "approved" | "refused" | "revoked";
                                /** Format: date-time */
                                createdAt: string;
                                lastSignInAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a member’s device (approved) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberId: string;
                        deviceKey: string;
                        name: string;
                        kind: "enterprise" | "personal";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            memberId: string;
                            memberName: string;
                            deviceKey: string;
                            name: string;
                            kind: "enterprise" | "personal";
                            status: "pending" | "approved" | "refused" | "revoked";
                            /** Format: date-time */
                            createdAt: string;
                            lastSignInAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/devices/{id}/{decision}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve, refuse or revoke a device (revoking ends its sessions) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    decision: "approve" | "refuse" | "revoke";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            device: {
                                id: string;
                                memberId: string;
                                memberName: string;
                                deviceKey: string;
                                name: string;
                                kind: "enterprise" | "personal";
                                status: "pending" | "approved" | "refused" | "revoked";
                                /** Format: date-time */
                                createdAt: string;
                                lastSignInAt: string | null;
                            };
                            sessionsEnded: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/devices/{id}/sign-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sign-ins from one device, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                outcome: "allowed" | "refused";
                                address: string;
                                /** Format: date-time */
                                signedInAt: string;
                                /** @description the session it opened is still open */
                                active: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/hidden-watermark/decode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 暗水印: the members and times hidden in a text */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            marks: {
                                memberId: string;
                                memberName: string;
                                userid: string;
                                /** Format: date-time */
                                markedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/hidden-watermark/decode-image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 暗水印: the member and time hidden in an image’s pixels (multipart/form-data: file) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description the image, at most 20 MiB (20,971,520 bytes)
                         */
                        file: Blob;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            marks: {
                                memberId: string;
                                memberName: string;
                                userid: string;
                                /** Format: date-time */
                                markedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/access/{surface}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the member may reach mail or drive from this address (403 says why not) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    surface: "mail" | "drive";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            surface: string;
                            address: string;
                            allowed: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/watermark": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The visible watermark for the signed-in member on a surface */
        get: {
            parameters: {
                query: {
                    surface: "chat" | "contacts" | "mail" | "docs" | "drive";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            text: string;
                            /** @description 暗水印: zero-width characters to put in the page text; empty when off */
                            hiddenMark: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/my-client-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the member’s clients must obey (ETag; 304 when unchanged) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            screenCaptureRestricted: boolean;
                            shareExternalRestricted: boolean;
                        };
                    };
                };
                /** @description No content */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/spaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The spaces the member is in: their own (made on first use) and team spaces */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: "personal" | "team";
                                name: string;
                                role: "view" | "edit" | "manage";
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** A team space; its creator manages it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        members: {
                            memberId: string;
                            role: "view" | "edit" | "manage";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "personal" | "team";
                            name: string;
                            role: "view" | "edit" | "manage";
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/spaces/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A space's members and roles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                memberId: string;
                                name: string;
                                role: "view" | "edit" | "manage";
                            }[];
                        };
                    };
                };
            };
        };
        /** Replace a team space's members (its managers) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        members: {
                            memberId: string;
                            role: "view" | "edit" | "manage";
                        }[];
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/spaces/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A space's files, newest change first (shared files are not listed: they open by link) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                spaceId: string;
                                kind: "document" | "sheet";
                                title: string;
                                access: "view" | "edit" | "manage";
                                linkAccess: "off" | "view" | "edit";
                                createdBy: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new document or sheet (in the member’s own space unless spaceId) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        spaceId?: string;
                        kind: "document" | "sheet";
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            spaceId: string;
                            kind: "document" | "sheet";
                            title: string;
                            access: "view" | "edit" | "manage";
                            linkAccess: "off" | "view" | "edit";
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file the member may open, with what they may do */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            spaceId: string;
                            kind: "document" | "sheet";
                            title: string;
                            access: "view" | "edit" | "manage";
                            linkAccess: "off" | "view" | "edit";
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            body: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a file with everything in it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a file or save a document's text */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        body?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            spaceId: string;
                            kind: "document" | "sheet";
                            title: string;
                            access: "view" | "edit" | "manage";
                            linkAccess: "off" | "view" | "edit";
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            body: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/docs/files/{id}/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the file is shared with (仅浏览/可编辑) and its link */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            shares: {
                                kind: "member" | "department" | "tag";
                                id: string;
                                /** @description view: 仅浏览; edit: 可编辑 */
                                access: "view" | "edit";
                            }[];
                            linkAccess: "off" | "view" | "edit";
                            /** @description present while the link is on, or for those who manage the file */
                            linkToken: string | null;
                        };
                    };
                };
            };
        };
        /** Share with members, departments and tags; turn the link on or off */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        shares: {
                            kind: "member" | "department" | "tag";
                            id: string;
                            /** @description view: 仅浏览; edit: 可编辑 */
                            access: "view" | "edit";
                        }[];
                        linkAccess: "off" | "view" | "edit";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            shares: {
                                kind: "member" | "department" | "tag";
                                id: string;
                                /** @description view: 仅浏览; edit: 可编辑 */
                                access: "view" | "edit";
                            }[];
                            linkAccess: "off" | "view" | "edit";
                            /** @description present while the link is on, or for those who manage the file */
                            linkToken: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/links/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a file by its link: the member keeps the link’s access while it is on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            spaceId: string;
                            kind: "document" | "sheet";
                            title: string;
                            access: "view" | "edit" | "manage";
                            linkAccess: "off" | "view" | "edit";
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/files/{id}/tables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document's tables (at most 100) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                rows: number;
                                cols: number;
                                cells: string[][];
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            limit: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Insert a table (the 101st: 超过表格上限，请删除其他表格后插入。) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rows: number;
                        cols: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            rows: number;
                            cols: number;
                            cells: string[][];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/files/{id}/tables/{tableId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save a table's cells */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    tableId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cells: string[][];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            rows: number;
                            cols: number;
                            cells: string[][];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a table */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    tableId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/files/{id}/sheets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sheet file's sheets and the limits of one */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                position: number;
                                cellCount: number;
                            }[];
                            limits: {
                                cells: number;
                                rows: number;
                                cols: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/files/{id}/sheets/{sheetId}/cells": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The non-empty cells of a range of rows (at most 1,000 rows at a time) */
        get: {
            parameters: {
                query?: {
                    fromRow?: number;
                    toRow?: number;
                };
                header?: never;
                path: {
                    id: string;
                    sheetId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                row: number;
                                col: number;
                                value: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit cells (an empty value empties a cell); every 50 changed cells a person makes become a revision */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    sheetId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cells: {
                            /** @description 0-based; below 200,000 */
                            row: number;
                            /** @description 0-based; below 2,000 */
                            col: number;
                            value: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changed: number;
                            revisionsCut: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/docs/files/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Comment threads with their replies, and whether the member may comment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            threads: {
                                id: string;
                                threadId: string;
                                sheetId: string | null;
                                row: number | null;
                                col: number | null;
                                /** @description null for an imported note: authorName is the name in the file */
                                authorId: string | null;
                                authorName: string;
                                body: string;
                                mentions: string[];
                                resolvedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                replies: {
                                    id: string;
                                    threadId: string;
                                    sheetId: string | null;
                                    row: number | null;
                                    col: number | null;
                                    /** @description null for an imported note: authorName is the name in the file */
                                    authorId: string | null;
                                    authorName: string;
                                    body: string;
                                    mentions: string[];
                                    resolvedAt: string | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                }[];
                            }[];
                            canComment: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Comment (a new thread, on a cell or not, or a reply); @mentions reach the inbox */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        mentions?: string[];
                        threadId?: string;
                        cell?: {
                            sheetId: string;
                            /** @description 0-based; below 200,000 */
                            row: number;
                            /** @description 0-based; below 2,000 */
                            col: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            threadId: string;
                            sheetId: string | null;
                            row: number | null;
                            col: number | null;
                            /** @description null for an imported note: authorName is the name in the file */
                            authorId: string | null;
                            authorName: string;
                            body: string;
                            mentions: string[];
                            resolvedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/files/{id}/comments/{threadId}/resolved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Resolve or reopen a thread */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    threadId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        resolved: boolean;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/files/{id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file's images, oldest first, with the size kept and the size uploaded */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description pasted: 截图粘贴, compressed over 1 MiB or 2,560 px; attachment: 插入图片, the original kept */
                                kind: "pasted" | "attachment";
                                name: string;
                                contentType: string;
                                /** @description the size kept */
                                bytes: number;
                                width: number;
                                height: number;
                                /** @description the size uploaded */
                                originalBytes: number;
                                compressed: boolean;
                                /** @description of the bytes kept */
                                sha256: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Put an image (the body, image/*) into a file: pasted, it is compressed over 1 MiB or 2,560 px; as an attachment it keeps its bytes */
        post: {
            parameters: {
                query: {
                    /** @description pasted: 截图粘贴, compressed over 1 MiB or 2,560 px; attachment: 插入图片, the original kept */
                    kind: "pasted" | "attachment";
                    name: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description pasted: 截图粘贴, compressed over 1 MiB or 2,560 px; attachment: 插入图片, the original kept */
                            kind: "pasted" | "attachment";
                            name: string;
                            contentType: string;
                            /** @description the size kept */
                            bytes: number;
                            width: number;
                            height: number;
                            /** @description the size uploaded */
                            originalBytes: number;
                            compressed: boolean;
                            /** @description of the bytes kept */
                            sha256: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/files/{id}/images/{imageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An image's bytes (whoever may open the file) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    imageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/files/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The history: revisions newest first (author, time, cells changed) and what is pending */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                seq: number;
                                authorId: string;
                                authorName: string;
                                kind: "edit" | "restore";
                                restoredFrom: string | null;
                                cellsChanged: number;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            pending: {
                                authorId: string;
                                authorName: string;
                                cells: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/files/{id}/revisions/{revisionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One revision: its changes, and a sheet as it stood after it */
        get: {
            parameters: {
                query?: {
                    sheetId?: string;
                };
                header?: never;
                path: {
                    id: string;
                    revisionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revision: {
                                id: string;
                                seq: number;
                                authorId: string;
                                authorName: string;
                                kind: "edit" | "restore";
                                restoredFrom: string | null;
                                cellsChanged: number;
                                /** Format: date-time */
                                createdAt: string;
                            };
                            changes: {
                                sheetId: string;
                                row: number;
                                col: number;
                                before: string;
                                after: string;
                            }[];
                            /** @description the sheet named by ?sheetId as it stood right after the revision */
                            cells: {
                                sheetId: string;
                                row: number;
                                col: number;
                                value: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/files/{id}/revisions/{revisionId}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a revision: a new revision, none deleted */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    revisionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            seq: number;
                            authorId: string;
                            authorName: string;
                            kind: "edit" | "restore";
                            restoredFrom: string | null;
                            cellsChanged: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/files/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sheet as .xlsx, comments as notes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members (by exact name with q), departments and tags to share with */
        get: {
            parameters: {
                query?: {
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                id: string;
                                name: string;
                            }[];
                            departments: {
                                id: string;
                                name: string;
                            }[];
                            tags: {
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 文档 settings of the enterprise (super admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            viewOnlyCommentsBanned: boolean;
                        };
                    };
                };
            };
        };
        /** Set 禁止仅浏览成员发表动态 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 禁止仅浏览成员发表动态 */
                        viewOnlyCommentsBanned: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            viewOnlyCommentsBanned: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/docs/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import an .xlsx (the body, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) as a new sheet; sheets over 1,000,000 cells, 200,000 rows or 2,000 columns are refused before their cells are read */
        post: {
            parameters: {
                query: {
                    spaceId?: string;
                    title: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            spaceId: string;
                            kind: "document" | "sheet";
                            title: string;
                            access: "view" | "edit" | "manage";
                            linkAccess: "off" | "view" | "edit";
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            sheets: number;
                            cells: number;
                            comments: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My files (uploaded and forwarded to me) in one folder, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    /** @description one of your folders; the top level when absent or empty */
                    folderId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                mime: string;
                                /** @description bytes */
                                size: number;
                                /** @description 文件防泄漏 made it a confidential file: kept apart, no quota, opened in the viewer */
                                confidential: boolean;
                                /** @description who forwarded it, for a forwarded copy */
                                forwardedBy: string | null;
                                /** @description the folder it sits in; null at the top level */
                                folderId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description false while 禁止下载与导出 makes it preview-only */
                                downloadAllowed: boolean;
                                /** @description whether 「分享到微信」 and 「用其他应用打开」 are allowed */
                                shareAllowed: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Upload a file (multipart/form-data: file) into one of my folders; a member in 文件防泄漏’s scope makes a confidential file */
        post: {
            parameters: {
                query?: {
                    /** @description one of your folders; the top level when absent or empty */
                    folderId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file: Blob;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            mime: string;
                            /** @description bytes */
                            size: number;
                            /** @description 文件防泄漏 made it a confidential file: kept apart, no quota, opened in the viewer */
                            confidential: boolean;
                            /** @description who forwarded it, for a forwarded copy */
                            forwardedBy: string | null;
                            /** @description the folder it sits in; null at the top level */
                            folderId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description false while 禁止下载与导出 makes it preview-only */
                            downloadAllowed: boolean;
                            /** @description whether 「分享到微信」 and 「用其他应用打开」 are allowed */
                            shareAllowed: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/quota": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What my ordinary files take of my quota (微盘 容量) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description what your ordinary files take; confidential files count against no quota */
                            usedBytes: number;
                            quotaBytes: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one of my files (a confidential file’s records stay, and the deletion is recorded) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Move one of my files into one of my folders (null: the top level) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description one of your folders, or null for the top level */
                        folderId: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            mime: string;
                            /** @description bytes */
                            size: number;
                            /** @description 文件防泄漏 made it a confidential file: kept apart, no quota, opened in the viewer */
                            confidential: boolean;
                            /** @description who forwarded it, for a forwarded copy */
                            forwardedBy: string | null;
                            /** @description the folder it sits in; null at the top level */
                            folderId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description false while 禁止下载与导出 makes it preview-only */
                            downloadAllowed: boolean;
                            /** @description whether 「分享到微信」 and 「用其他应用打开」 are allowed */
                            shareAllowed: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/file-folders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My folders inside one folder (the top level without parentId), by name */
        get: {
            parameters: {
                query?: {
                    /** @description one of your folders; the top level when absent or empty */
                    parentId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the folder listed (null: the top level), for the way back up */
                            parent: {
                                id: string;
                                name: string;
                                /** @description null at the top level */
                                parentId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            } | null;
                            items: {
                                id: string;
                                name: string;
                                /** @description null at the top level */
                                parentId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a folder (names are unique among the folders of one parent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description unique among the folders of its parent (trimmed) */
                        name: string;
                        /** @description one of your folders; the top level when absent or null */
                        parentId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @description null at the top level */
                            parentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/file-folders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one of my folders; refused (409) while it holds files or folders */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename one of my folders, or move it with all it holds into another (409 files.folder_into_itself for itself or a folder inside it) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description a new name, a new place, or both */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description unique among the folders of its parent (trimmed) */
                        name?: string;
                        /** @description move it into one of your folders (null: the top level); not into itself or a folder inside it */
                        parentId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @description null at the top level */
                            parentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/files/{id}/view": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open a file in the viewer (inline; recorded for a confidential file) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a file (403 while 禁止下载与导出 makes a confidential file preview-only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/forwards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forward a file to a member of the enterprise (they get their own copy) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            mime: string;
                            /** @description bytes */
                            size: number;
                            /** @description 文件防泄漏 made it a confidential file: kept apart, no quota, opened in the viewer */
                            confidential: boolean;
                            /** @description who forwarded it, for a forwarded copy */
                            forwardedBy: string | null;
                            /** @description the folder it sits in; null at the top level */
                            folderId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description false while 禁止下载与导出 makes it preview-only */
                            downloadAllowed: boolean;
                            /** @description whether 「分享到微信」 and 「用其他应用打开」 are allowed */
                            shareAllowed: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/share-external": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 「分享到微信」: whether the client may hand the file outside (403 for a protected confidential file) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowed: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/open-with": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 「用其他应用打开」: whether the client may open the file in another app (403 for a protected confidential file) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowed: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/file-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 文件防泄漏: uploads, downloads, views and forwards of confidential files, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    memberId?: string;
                    action?: "upload" | "download" | "view" | "forward" | "delete";
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** Format: date-time */
                                at: string;
                                memberId: string;
                                memberName: string;
                                action: "upload" | "download" | "view" | "forward" | "delete";
                                fileId: string;
                                fileName: string;
                                targetMemberId: string | null;
                                /** @description the recipient of a forward */
                                targetName: string | null;
                                address: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/file-usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each member’s ordinary files against the quota, the largest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description each member’s quota */
                            quotaBytes: number;
                            items: {
                                memberId: string;
                                name: string;
                                usedBytes: number;
                                /** @description ordinary files */
                                files: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/file-records/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the filtered file records as .xlsx (streamed) */
        get: {
            parameters: {
                query: {
                    memberId?: string;
                    action?: "upload" | "download" | "view" | "forward" | "delete";
                    from?: string;
                    to?: string;
                    /** @description the language of the headers and actions */
                    lang: "zh-CN" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/handovers/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 数据资产交接: departed members whose docs, customers or approvals wait for a successor */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the 安全管理 purchase is in force (a hand-over is refused otherwise) */
                            active: boolean;
                            items: {
                                memberId: string;
                                name: string;
                                userid: string;
                                /** Format: date-time */
                                departedAt: string;
                                assets: {
                                    /** @description files of their own space (我的空间) */
                                    docsFiles: number;
                                    /** @description team spaces they manage */
                                    docsSpaces: number;
                                    /** @description files of their file store (我的文件), moved with their folders */
                                    files: number;
                                    customers: number;
                                    /** @description live customer groups they own */
                                    customerGroups: number;
                                    /** @description open tasks of running requests */
                                    approvalTasks: number;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/handovers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hand-overs made, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    memberId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                fromMemberId: string;
                                fromName: string;
                                toMemberId: string;
                                toName: string;
                                state: "completed" | "partial";
                                moved: {
                                    /** @description files of their own space (我的空间) */
                                    docsFiles: number;
                                    /** @description team spaces they manage */
                                    docsSpaces: number;
                                    /** @description files of their file store (我的文件), moved with their folders */
                                    files: number;
                                    customers: number;
                                    /** @description live customer groups they own */
                                    customerGroups: number;
                                    /** @description open tasks of running requests */
                                    approvalTasks: number;
                                };
                                left: {
                                    taskId: string;
                                    /** @enum {string} */
                                    reason: "successor_is_applicant";
                                }[];
                                byName: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description made by the rule when the member left, not by an admin */
                                automatic: boolean;
                                /** @description nothing was left to move: this is the earlier hand-over, unchanged */
                                repeated: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Hand a departed member’s docs, customers and open approvals to a successor (a repeat moves nothing: 200 with the earlier record) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fromMemberId: string;
                        toMemberId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            fromMemberId: string;
                            fromName: string;
                            toMemberId: string;
                            toName: string;
                            state: "completed" | "partial";
                            moved: {
                                /** @description files of their own space (我的空间) */
                                docsFiles: number;
                                /** @description team spaces they manage */
                                docsSpaces: number;
                                /** @description files of their file store (我的文件), moved with their folders */
                                files: number;
                                customers: number;
                                /** @description live customer groups they own */
                                customerGroups: number;
                                /** @description open tasks of running requests */
                                approvalTasks: number;
                            };
                            left: {
                                taskId: string;
                                /** @enum {string} */
                                reason: "successor_is_applicant";
                            }[];
                            byName: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description made by the rule when the member left, not by an admin */
                            automatic: boolean;
                            /** @description nothing was left to move: this is the earlier hand-over, unchanged */
                            repeated: boolean;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            fromMemberId: string;
                            fromName: string;
                            toMemberId: string;
                            toName: string;
                            state: "completed" | "partial";
                            moved: {
                                /** @description files of their own space (我的空间) */
                                docsFiles: number;
                                /** @description team spaces they manage */
                                docsSpaces: number;
                                /** @description files of their file store (我的文件), moved with their folders */
                                files: number;
                                customers: number;
                                /** @description live customer groups they own */
                                customerGroups: number;
                                /** @description open tasks of running requests */
                                approvalTasks: number;
                            };
                            left: {
                                taskId: string;
                                /** @enum {string} */
                                reason: "successor_is_applicant";
                            }[];
                            byName: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description made by the rule when the member left, not by an admin */
                            automatic: boolean;
                            /** @description nothing was left to move: this is the earlier hand-over, unchanged */
                            repeated: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/handover-rule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 数据资产交接 by rule: who receives a departing member’s data without an admin */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            rule: {
                                mode: "manual" | "department_head" | "member";
                                /** @description the successor when mode is member */
                                memberId: string | null;
                            };
                        };
                    };
                };
            };
        };
        /** Set the hand-over rule (manual, the department head, a named member) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        mode: "manual" | "department_head" | "member";
                        /** @description the successor when mode is member */
                        memberId: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            rule: {
                                mode: "manual" | "department_head" | "member";
                                /** @description the successor when mode is member */
                                memberId: string | null;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 首页: the enterprise at a glance */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                activated: number;
                                notActivated: number;
                            };
                            departments: number;
                            wallet: {
                                balanceFen: number;
                                alert: {
                                    enabled: boolean;
                                    thresholdFen: number;
                                    below: boolean;
                                };
                            } | null;
                            approvals: {
                                running: number;
                                todoForMe: number;
                            };
                            customers: {
                                served: number;
                                limit: number;
                            } | null;
                            category: {
                                status: "unset" | "review" | "approved" | "rejected";
                                entry: {
                                    code: string;
                                    level1: string;
                                    level2: string | null;
                                    scope: string;
                                    en: {
                                        level1: string;
                                        level2: string | null;
                                        scope: string;
                                    };
                                } | null;
                            };
                            certification: {
                                certified: boolean;
                                until: string | null;
                            };
                        };
                    };
                };
            };
        };
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
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
