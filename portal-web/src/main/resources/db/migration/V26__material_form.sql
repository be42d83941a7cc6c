-- A material that is a form the applicant fills in (申请书, 申请表): the guide offers its blank.
-- Published rule sets say so with "form": true; materials listed before that carry the name
-- rule the portal used until now.
ALTER TABLE material_spec ADD COLUMN form BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE material_spec SET form = TRUE WHERE name LIKE '%申请书' OR name LIKE '%申请表';
