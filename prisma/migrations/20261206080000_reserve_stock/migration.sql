-- Reserves stock for an order, all or nothing: one part at a time in id order (concurrent
-- orders for overlapping parts queue instead of deadlocking, and each row is locked once, by
-- its update), each only while it has the quantity on hand. When one has not, the whole
-- statement that called it is aborted with SQLSTATE TL001: nothing of the order is written.
-- `wanted`: a JSON array of {"partId", "quantity"}.
CREATE FUNCTION "tailorline_reserve_stock"(wanted jsonb) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  part record;
  parts_reserved integer := 0;
BEGIN
  FOR part IN
    SELECT w."partId", w."quantity" FROM jsonb_to_recordset(wanted) AS w("partId" text, "quantity" integer) ORDER BY w."partId"
  LOOP
    UPDATE "Part" SET "reserved" = "reserved" + part."quantity", "version" = "version" + 1
    WHERE "id" = part."partId" AND "onHand" - "reserved" >= part."quantity";
    IF NOT FOUND THEN
      RAISE EXCEPTION 'the stock of part % was taken meanwhile', part."partId" USING ERRCODE = 'TL001';
    END IF;
    parts_reserved := parts_reserved + 1;
  END LOOP;
  RETURN parts_reserved;
END
$$;
