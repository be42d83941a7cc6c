-- A matter's name in English, for the portal's English pages (null: the bundle's, else Chinese).
ALTER TABLE matter ADD COLUMN name_en VARCHAR(200);
