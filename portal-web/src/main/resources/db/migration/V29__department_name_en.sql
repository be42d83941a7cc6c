-- A department's name on the English pages (null: none given, the Chinese name shows).
ALTER TABLE department ADD COLUMN name_en VARCHAR(100);
