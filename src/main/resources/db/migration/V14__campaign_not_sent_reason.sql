-- Why a campaign email was not sent (e.g. no mail server is configured), so a campaign counts sent and not sent truthfully.
alter table circuitos_campaign_message add column not_sent_reason varchar(200);
