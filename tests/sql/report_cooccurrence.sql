-- The cooccurrence report (sql/reports/cooccurrence.sql), on samples/.
.read tests/sql/setup/samples.sql
.read sql/reports/cooccurrence.sql
