-- The who-said-what report (sql/reports/who_said_what.sql), on samples/.
.read tests/sql/setup/samples.sql
.read sql/reports/who_said_what.sql
