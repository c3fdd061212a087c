package io.github.streamjpa.jpa.internal.hibernate;

import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.internal.OutboxAccess;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.engine.config.spi.ConfigurationService;

/**
 * Adds the outbox table to the mapping (as an orm.xml document, so its name can come from the
 * settings), which makes {@code hibernate.hbm2ddl.auto} create, update, validate or drop it with
 * the application's tables. Off when stream-jpa is disabled or {@code
 * stream.outbox.schema_managed=false}.
 */
public final class OutboxMapping implements AdditionalMappingContributor {

  /** Creates the contributor (called by Hibernate's service loading). */
  public OutboxMapping() {}

  @Override
  public String getContributorName() {
    return "stream-jpa";
  }

  @Override
  public void contribute(
      AdditionalMappingContributions contributions,
      InFlightMetadataCollector metadata,
      ResourceStreamLocator resourceStreamLocator,
      MetadataBuildingContext buildingContext) {
    OutboxAccess.get()
        .managedTable(
            buildingContext
                .getBootstrapContext()
                .getServiceRegistry()
                .requireService(ConfigurationService.class)
                .getSettings())
        .ifPresent(
            table ->
                contributions.contributeBinding(
                    new ByteArrayInputStream(ormXml(table).getBytes(StandardCharsets.UTF_8))));
  }

  static String ormXml(String qualifiedTable) {
    int dot = qualifiedTable.lastIndexOf('.');
    String schema = dot < 0 ? null : qualifiedTable.substring(0, dot);
    String table = dot < 0 ? qualifiedTable : qualifiedTable.substring(dot + 1);
    if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")
        || (schema != null && !schema.matches("[A-Za-z_][A-Za-z0-9_]*"))) {
      throw new IllegalArgumentException(
          "setting "
              + StreamJpaSettings.OUTBOX_TABLE
              + " = '"
              + qualifiedTable
              + "' must be a table name, optionally schema-qualified, of [A-Za-z0-9_]");
    }
    String schemaAttribute = schema == null ? "" : " schema=\"" + schema + "\"";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.2">
          <entity class="%1$s" name="StreamJpaOutboxRecord" access="FIELD" metadata-complete="true">
            <table name="%2$s"%3$s>
              <index name="%2$s_due" column-list="status, available_at"/>
              <index name="%2$s_order" column-list="foreign_id, status, id"/>
            </table>
            <attributes>
              <id name="id"><column name="id"/><generated-value strategy="IDENTITY"/></id>
              <basic name="foreignId"><column name="foreign_id" nullable="false" length="512"/></basic>
              <basic name="operation"><column name="operation" nullable="false" length="16"/></basic>
              <basic name="payload"><column name="payload" nullable="false" length="1048576000"/></basic>
              <basic name="status"><column name="status" nullable="false" length="16"/></basic>
              <basic name="attempts"><column name="attempts" nullable="false"/></basic>
              <basic name="createdAt"><column name="created_at" nullable="false"/></basic>
              <basic name="availableAt"><column name="available_at" nullable="false"/></basic>
              <basic name="leaseUntil"><column name="lease_until"/></basic>
              <basic name="claimedBy"><column name="claimed_by" length="64"/></basic>
              <basic name="lastError"><column name="last_error" length="2000"/></basic>
            </attributes>
          </entity>
        </entity-mappings>
        """
        .formatted(OutboxRecord.class.getName(), table, schemaAttribute);
  }
}
