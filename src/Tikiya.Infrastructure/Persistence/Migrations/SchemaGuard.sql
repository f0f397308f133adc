-- Schema guard (deployment guide §6): stop at once, with a message an operator can act on, when a "users" table that
-- Tikiya's migrations did not create is already there. This migration runs before the one that creates "users", so
-- any "users" table it finds was left by an older deployment; without it the operator would only see
-- 'relation "users" already exists', or worse, a table whose shape the code cannot use.
-- The whole migration runs in one transaction: when it raises, nothing has been changed.
DO $guard$
DECLARE
    mismatches text;
BEGIN
    IF to_regclass(format('%I.users', current_schema())) IS NULL THEN
        RETURN;
    END IF;

    SELECT string_agg(
               CASE
                   WHEN actual.data_type IS NULL THEN format('column users.%s is missing (expected %s)', expected.name, expected.type)
                   ELSE format('users.%s is %s (expected %s)', expected.name, actual.data_type, expected.type)
               END,
               '; ' ORDER BY expected.ordinal)
      INTO mismatches
      FROM (VALUES (1, 'id', 'uuid'),
                   (2, 'email', 'character varying'),
                   (3, 'normalized_email', 'character varying'),
                   (4, 'password_hash', 'text'),
                   (5, 'created_at', 'timestamp with time zone')) AS expected(ordinal, name, type)
      LEFT JOIN information_schema.columns AS actual
             ON actual.table_schema = current_schema()
            AND actual.table_name = 'users'
            AND actual.column_name = expected.name
     WHERE actual.data_type IS DISTINCT FROM expected.type;

    IF mismatches IS NOT NULL THEN
        RAISE EXCEPTION 'Schema guard: table "users" does not match Tikiya API: %.', mismatches
            USING HINT = 'It was left by an older deployment. Rename it (ALTER TABLE users RENAME TO users_legacy) or migrate its data, then start again. Nothing was changed.';
    END IF;

    RAISE EXCEPTION 'Schema guard: table "users" already exists but was not created by Tikiya API''s migrations.'
        USING HINT = 'It was left by an older deployment. Rename it (ALTER TABLE users RENAME TO users_legacy) or migrate its data, then start again. Nothing was changed.';
END
$guard$;
