-- Imports stage up to millions of rows in temporary tables: give the application role enough local buffers
-- for them (allocated only when a session uses temporary tables; the default 8 MB makes every pass over a
-- large staging table go to disk).
ALTER ROLE ${appRole} SET temp_buffers = '128MB';

-- The one definition of an account's bucket: the tenant's boundaries for the product, else the glossary's
-- (M1 1–30 … M6 151–180, M7+ above). Used by imports and by the end-of-day close.
CREATE FUNCTION candor_account_bucket(p_product text, p_dpd integer) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT candor_bucket(p_dpd, coalesce(
        (SELECT boundaries FROM bucket_scheme WHERE product = p_product), '{30,60,90,120,150,180}'))
$$;
