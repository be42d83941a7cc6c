-- A material's name on the English pages, as its published rule set gives it ("nameEn"; null:
-- none, the Chinese name shows). The demo's materials had their English names in the page bundle
-- until now: rows listed from a demo rule set published before this version keep them here.
ALTER TABLE material_spec ADD COLUMN name_en VARCHAR(200);
UPDATE material_spec SET name_en = 'Application form' WHERE code = 'application-form' AND (name LIKE '%申请书' OR name LIKE '%申请表');
UPDATE material_spec SET name_en = 'Business licence (duplicate)' WHERE code = 'business-license' AND name = '营业执照副本';
UPDATE material_spec SET name_en = 'Public-place hygiene test report' WHERE code = 'hygiene-report' AND name = '公共场所卫生检测报告';
UPDATE material_spec SET name_en = 'Legal representative''s ID card' WHERE code = 'legal-rep-id' AND name = '法定代表人身份证';
UPDATE material_spec SET name_en = 'Statement of the lost business licence' WHERE code = 'loss-statement' AND name = '营业执照遗失声明';
UPDATE material_spec SET name_en = 'Floor plan of the premises' WHERE code = 'premises-layout' AND name = '经营场所平面布局图';
UPDATE material_spec SET name_en = 'Food safety management rules' WHERE code = 'safety-rules' AND name = '食品安全管理制度文本';
