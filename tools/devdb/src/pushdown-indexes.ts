/**
 * FerretDB 1.24 over PostgreSQL sends a top-level equality of a query to PostgreSQL as `_jsonb -> 'field' @> value`
 * and evaluates the rest itself. The B-tree indexes it creates for `createIndexes` cannot serve `@>`; a GIN
 * `jsonb_path_ops` index on the same expression can. This event trigger gives every top-level field of every index
 * FerretDB creates such a GIN index, so the product's own index declarations decide what is indexed.
 * Left out: nested paths (`properties.conversationId`), which FerretDB sends as `#>` and these cannot serve; `_id`,
 * which FerretDB looks up through its own unique index; `tenantId`, which every tenant collection's indexes lead with
 * and which tells a tenant's rows from the rest too little to be worth an index. `fastupdate` is off because a GIN
 * index's pending list is read whole by every query until a vacuum merges it: after a backup wrote thousands of
 * versions, browse took 19 ms instead of 1.4 ms.
 */
export const pushdownIndexesSql = String.raw`
CREATE OR REPLACE FUNCTION devdb_gin_for_pushdown() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
DECLARE
  command record;
  definition text;
  target record;
  field text;
BEGIN
  FOR command IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE INDEX' LOOP
    definition := pg_get_indexdef(command.objid);
    CONTINUE WHEN definition LIKE '% USING gin %';
    SELECT c.oid::regclass AS tbl, c.relname INTO target
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE i.indexrelid = command.objid;
    FOR field IN
      SELECT DISTINCT m[1] FROM regexp_matches(definition, $re$\(_jsonb -> '([^']+)'::text\)(?! ->)$re$, 'g') AS m
    LOOP
      CONTINUE WHEN field IN ('_id', 'tenantId');
      EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s USING gin ((_jsonb -> %L) jsonb_path_ops) WITH (fastupdate = off)',
        left(target.relname, 40) || '_gin_' || left(md5(field), 8), target.tbl, field);
    END LOOP;
  END LOOP;
END
$fn$;
DROP EVENT TRIGGER IF EXISTS devdb_gin_for_pushdown;
CREATE EVENT TRIGGER devdb_gin_for_pushdown ON ddl_command_end WHEN TAG IN ('CREATE INDEX')
  EXECUTE FUNCTION devdb_gin_for_pushdown();
`;
