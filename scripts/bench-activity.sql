-- Activity history for the benchmark's data set, so the dashboard step reads sign-ins and answered inquiries
-- at a realistic scale instead of empty tables: organizations registered over the last three years, two
-- members each, sign-ins every week for the living ones (some recently, some half a year ago, some never),
-- and buyer inquiries with replies. Deterministic (derived from IDs); run once by scripts/bench.sh.

-- Registered between one and three years ago.
UPDATE organization SET created_at = NOW(6) - INTERVAL (365 + id % 730) DAY;

INSERT INTO app_user (email, name, password_hash, created_at, updated_at)
SELECT CONCAT('bench-member-', o.id, '-', n.k, '@bench.invalid'), CONCAT('Thành viên ', n.k), '!', o.created_at, o.created_at
FROM organization o JOIN (SELECT 1 AS k UNION ALL SELECT 2) n;

INSERT INTO membership (user_id, organization_id, role, created_at)
SELECT u.id, o.id, IF(n.k = 1, 'OWNER', 'MEMBER'), o.created_at
FROM organization o JOIN (SELECT 1 AS k UNION ALL SELECT 2) n
JOIN app_user u ON u.email = CONCAT('bench-member-', o.id, '-', n.k, '@bench.invalid');

-- Forty weekly sign-ins per member: two in five organizations recently, one in five last about 7-12 months
-- ago, the rest never.
INSERT INTO user_sign_in (user_id, signed_in_at)
WITH RECURSIVE week (w) AS (SELECT 0 UNION ALL SELECT w + 1 FROM week WHERE w < 39)
SELECT m.user_id, NOW(6) - INTERVAL (CASE WHEN m.organization_id % 5 < 2 THEN m.organization_id % 60
                                          ELSE 200 + m.organization_id % 150 END + week.w * 7) DAY
FROM membership m JOIN week
WHERE m.organization_id % 5 < 3;

-- Five inquiries from retail chains to every third cooperative, ten messages each (buyer, then supplier).
CREATE TEMPORARY TABLE bench_buyer AS
SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n FROM organization WHERE kind = 'RETAIL_CHAIN';

INSERT INTO conversation (buyer_org_id, supplier_org_id, title, opened_by, created_at, last_message_at, message_count)
WITH RECURSIVE k (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 4)
SELECT b.id, c.id, 'Hỏi giá', 'BUYER', NOW(6) - INTERVAL (30 + (c.id + k.i * 37) % 500) DAY,
       NOW(6) - INTERVAL (30 + (c.id + k.i * 37) % 500) DAY + INTERVAL 9 HOUR, 10
FROM organization c JOIN k
JOIN bench_buyer b ON b.n = (c.id * 7 + k.i) % (SELECT COUNT(*) FROM bench_buyer)
WHERE c.kind IN ('COOPERATIVE', 'COOPERATIVE_UNION', 'COOPERATIVE_GROUP') AND c.id % 3 = 0;

INSERT INTO conversation_message (conversation_id, sender_org_id, body, created_at)
WITH RECURSIVE k (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 9)
SELECT c.id, IF(k.i % 2 = 0, c.buyer_org_id, c.supplier_org_id), IF(k.i % 2 = 0, 'Xin báo giá', 'Dạ, bên em gửi giá'),
       c.created_at + INTERVAL k.i HOUR
FROM conversation c JOIN k
WHERE c.title = 'Hỏi giá' AND c.buyer_org_id IN (SELECT id FROM bench_buyer);

-- What the app keeps on each conversation when its supplier replies (the last message, hour 9).
UPDATE conversation SET supplier_replied_at = created_at + INTERVAL 9 HOUR
WHERE title = 'Hỏi giá' AND buyer_org_id IN (SELECT id FROM bench_buyer);

-- Statistics as a live database would have them after the bulk inserts.
ANALYZE TABLE organization, app_user, membership, user_sign_in, conversation, conversation_message;
