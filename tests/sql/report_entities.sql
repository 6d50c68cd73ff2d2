-- The entities report (sql/reports/entities.sql), on samples/.
.read tests/sql/setup/samples.sql
.read sql/reports/entities.sql
