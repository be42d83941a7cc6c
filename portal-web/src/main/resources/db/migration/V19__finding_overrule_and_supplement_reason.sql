-- 不采纳: the window clerk may set a pre-review finding aside, always saying why; it stays
-- visible to all staff and no longer counts as a blocking item of the supplement notice.
ALTER TABLE finding ADD COLUMN overruled_reason VARCHAR(1000);
ALTER TABLE finding ADD COLUMN overruled_by VARCHAR(100);
ALTER TABLE finding ADD COLUMN overruled_at TIMESTAMP;
-- The clerk's own words of the latest supplement request, shown on the applicant's page.
ALTER TABLE application ADD COLUMN supplement_reason VARCHAR(2000);
