-- 申请条件: who may apply and what must hold, part of every service guide (issue 12).
ALTER TABLE matter ADD COLUMN conditions VARCHAR(4000);
