-- The working-day calendar (工作日): public holidays and make-up working days (调休) from the
-- State Council's official schedules for 2025 and 2026 (国务院办公厅关于部分节假日安排的通知).
-- CENTER_ADMIN edits it (PUT /api/v1/admin/calendar/{year}); weekends are rest days unless
-- listed here as WORKDAY.
CREATE TABLE calendar_day (
  on_date DATE PRIMARY KEY,
  kind VARCHAR(10) NOT NULL,
  name VARCHAR(60)
);

INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-01-01', 'HOLIDAY', '元旦');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-01-28', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-01-29', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-01-30', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-01-31', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-02-01', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-02-02', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-02-03', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-02-04', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-04-04', 'HOLIDAY', '清明节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-04-05', 'HOLIDAY', '清明节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-04-06', 'HOLIDAY', '清明节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-05-01', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-05-02', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-05-03', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-05-04', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-05-05', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-05-31', 'HOLIDAY', '端午节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-06-01', 'HOLIDAY', '端午节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-06-02', 'HOLIDAY', '端午节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-10-01', 'HOLIDAY', '国庆节、中秋节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-10-02', 'HOLIDAY', '国庆节、中秋节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-10-03', 'HOLIDAY', '国庆节、中秋节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-10-04', 'HOLIDAY', '国庆节、中秋节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-10-05', 'HOLIDAY', '国庆节、中秋节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-10-06', 'HOLIDAY', '国庆节、中秋节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-10-07', 'HOLIDAY', '国庆节、中秋节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-10-08', 'HOLIDAY', '国庆节、中秋节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-01-01', 'HOLIDAY', '元旦');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-01-02', 'HOLIDAY', '元旦');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-01-03', 'HOLIDAY', '元旦');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-02-15', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-02-16', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-02-17', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-02-18', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-02-19', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-02-20', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-02-21', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-02-22', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-02-23', 'HOLIDAY', '春节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-04-04', 'HOLIDAY', '清明节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-04-05', 'HOLIDAY', '清明节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-04-06', 'HOLIDAY', '清明节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-05-01', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-05-02', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-05-03', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-05-04', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-05-05', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-06-19', 'HOLIDAY', '端午节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-06-20', 'HOLIDAY', '端午节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-06-21', 'HOLIDAY', '端午节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-09-25', 'HOLIDAY', '中秋节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-09-26', 'HOLIDAY', '中秋节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-09-27', 'HOLIDAY', '中秋节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-10-01', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-10-02', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-10-03', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-10-04', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-10-05', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-10-06', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-10-07', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-01-26', 'WORKDAY', '春节调休');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-02-08', 'WORKDAY', '春节调休');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-04-27', 'WORKDAY', '劳动节调休');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-09-28', 'WORKDAY', '国庆节调休');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2025-10-11', 'WORKDAY', '国庆节调休');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-01-04', 'WORKDAY', '元旦调休');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-02-14', 'WORKDAY', '春节调休');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-02-28', 'WORKDAY', '春节调休');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-05-09', 'WORKDAY', '劳动节调休');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-09-20', 'WORKDAY', '国庆节调休');
INSERT INTO calendar_day(on_date, kind, name) VALUES (DATE '2026-10-10', 'WORKDAY', '国庆节调休');
