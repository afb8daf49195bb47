// Imported first by tests that watch the SQL the data layer sends: the Prisma client reads this
// when it is created, which happens on the first import of lib/db.
process.env.DB_QUERY_EVENTS = "true";
