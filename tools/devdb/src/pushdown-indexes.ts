/**
 * FerretDB 1.24 over PostgreSQL sends a top-level equality of a query to PostgreSQL as `_jsonb -> 'field' @> value`
 * and evaluates the rest itself. The B-tree indexes it creates for `createIndexes` cannot serve `@>`; a GIN
 * `jsonb_path_ops` index on the same expression can. This event trigger gives every top-level field of every index
 * FerretDB creates such a GIN index, so the product's own index declarations decide what is indexed; at each start the
 * indexes created before (a data directory from an older devdb) get theirs too.
 * `_id` is among them: FerretDB looks a document up by `_id` with `@>` as well (a find, and the read before every
 * update or upsert), which its unique B-tree index on `_id` cannot serve, so each such lookup read the whole table:
 * writing 1,913 folders one by one read 1.8 million rows. Left out: nested paths (`properties.conversationId`), which
 * FerretDB sends as `#>` and these cannot serve; `tenantId`, which every tenant collection's indexes lead with and which
 * tells a tenant's rows from the rest too little to be worth an index. `fastupdate` is off because a GIN index's
 * pending list is read whole by every query until a vacuum merges it: after a backup wrote thousands of versions,
 * browse took 19 ms instead of 1.4 ms.
 */
export const pushdownIndexesSql = String.raw`
CREATE OR REPLACE FUNCTION devdb_gin_for_index(index_oid oid) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  definition text := pg_get_indexdef(index_oid);
  target record;
  field text;
BEGIN
  IF definition LIKE '% USING gin %' THEN RETURN; END IF;
  SELECT c.oid::regclass AS tbl, c.relname INTO target
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE i.indexrelid = index_oid;
  FOR field IN
    SELECT DISTINCT m[1] FROM regexp_matches(definition, $re$\(_jsonb -> '([^']+)'::text\)(?! ->)$re$, 'g') AS m
  LOOP
    CONTINUE WHEN field = 'tenantId';
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s USING gin ((_jsonb -> %L) jsonb_path_ops) WITH (fastupdate = off)',
      left(target.relname, 40) || '_gin_' || left(md5(field), 8), target.tbl, field);
  END LOOP;
END
$fn$;
CREATE OR REPLACE FUNCTION devdb_gin_for_pushdown() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
DECLARE
  command record;
BEGIN
  FOR command IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE INDEX' LOOP
    PERFORM devdb_gin_for_index(command.objid);
  END LOOP;
END
$fn$;
DROP EVENT TRIGGER IF EXISTS devdb_gin_for_pushdown;
DO $backfill$
DECLARE
  existing oid;
BEGIN
  FOR existing IN
    SELECT i.indexrelid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
        AND pg_get_indexdef(i.indexrelid) LIKE '%(_jsonb -> %'
  LOOP
    PERFORM devdb_gin_for_index(existing);
  END LOOP;
END
$backfill$;
CREATE EVENT TRIGGER devdb_gin_for_pushdown ON ddl_command_end WHEN TAG IN ('CREATE INDEX')
  EXECUTE FUNCTION devdb_gin_for_pushdown();
`;
