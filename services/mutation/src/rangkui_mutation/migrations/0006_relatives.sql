-- From personnel: the conflict-of-interest registry (EmployeeRelativesDeclared), one row per
-- declared relative. A relation goes both ways: queries look it up from either side.
CREATE TABLE IF NOT EXISTS employee_relatives (
    nip         text NOT NULL,
    related_nip text NOT NULL,
    relation    text NOT NULL,
    PRIMARY KEY (nip, related_nip)
);
CREATE INDEX IF NOT EXISTS employee_relatives_related ON employee_relatives (related_nip);
