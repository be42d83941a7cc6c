-- Demo accounts are marked, so that a portal whose demo data is switched off later disables them
-- (their passwords are published in the README). Earlier demo seeds are recognised by the demo
-- enterprise's credit code, which only the demo data uses.
ALTER TABLE user_account ADD COLUMN demo BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE user_account SET demo = TRUE
 WHERE username IN ('applicant', 'applicant2', 'clerk', 'reviewer', 'chief-b', 'chief-a',
                    'chief-b-2', 'admin', 'supervisor')
   AND EXISTS (SELECT 1 FROM enterprise WHERE credit_code = '91350100M0001XU43');
