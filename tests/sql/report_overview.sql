-- The report the README's first command prints (sql/reports/overview.sql), on samples/.
.read tests/sql/setup/samples.sql
.read sql/reports/overview.sql
