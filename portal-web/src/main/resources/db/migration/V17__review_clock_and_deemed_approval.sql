-- 限时办结 (issue 8). 审查补正: a deciding department asks for materials during review and the
-- review clock pauses; reviewDue moves by the paused working days when the applicant hands them in.
ALTER TABLE application ADD COLUMN review_paused_on DATE;
ALTER TABLE application ADD COLUMN review_paused_days INT DEFAULT 0 NOT NULL;
ALTER TABLE application ADD COLUMN review_supplement_reason VARCHAR(2000);
ALTER TABLE application ADD COLUMN review_supplement_materials VARCHAR(1000);
ALTER TABLE application ADD COLUMN review_supplement_at TIMESTAMP;

-- 超时默许: per matter, off unless the center turns it on.
ALTER TABLE matter ADD COLUMN deemed_approval_on_timeout BOOLEAN DEFAULT FALSE NOT NULL;
