-- 电子证照: a matter that grants a licence names it and its validity; the licence document
-- issued next to the approval records until when it is valid (null for every other document).
ALTER TABLE matter ADD COLUMN licence_name VARCHAR(100);
ALTER TABLE matter ADD COLUMN licence_years INT;
ALTER TABLE document ADD COLUMN valid_until DATE;
