-- The LLM's customer lookup (tool lookUpCustomer) finds a customer by the run's own email address.
create index ix_circuitos_customer_email on circuitos_customer (email);
