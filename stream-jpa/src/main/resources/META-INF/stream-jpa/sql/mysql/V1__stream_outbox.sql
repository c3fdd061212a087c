-- stream-jpa outbox table, MySQL 8+ and MariaDB 10.6+ (InnoDB). For schemas managed by
-- migrations (Flyway, Liquibase): copy or reference this file, then set
-- stream.outbox.schema_managed=false. Hibernate's schema tooling creates the same table when it
-- manages the schema. To rename the table, rename it here and in its indexes, and set
-- stream.outbox.table.
create table stream_outbox (
  id bigint not null auto_increment,
  foreign_id varchar(512) not null,
  operation varchar(16) not null,
  payload longtext not null,
  status varchar(16) not null,
  attempts integer not null,
  created_at datetime(6) not null,
  available_at datetime(6) not null,
  lease_until datetime(6),
  claimed_by varchar(64),
  last_error varchar(2000),
  primary key (id)
) engine=InnoDB;
create index stream_outbox_due on stream_outbox (status, available_at);
create index stream_outbox_order on stream_outbox (foreign_id, status, id);
