-- Each in-app message gets its place in its recipient's feed when it is shown: 1, 2, 3, … per organisation and
-- recipient (the Keycloak user id; rows from before ids: the user name). It is the SSE id of the live stream, and a
-- client that reconnects with Last-Event-ID is sent what follows it. The next place is taken from feed_position
-- under that row's lock, in the transaction that shows the message, so one recipient's places commit in order: a
-- reader that sees place n sees every place before it, and nothing is skipped.
create table feed_position (
    organisation  varchar(64) not null,
    recipient     varchar(64) not null,
    last_position bigint      not null,
    primary key (organisation, recipient)
);

alter table delivery add column feed_position bigint;

-- Messages already shown, placed in the order they were shown.
update delivery d set feed_position = placed.position
from (select id, row_number() over (partition by organisation, coalesce(staff_user_id, staff_user_name)
                                    order by sent_at, created_at, id) as position
      from delivery where channel = 'IN_APP' and status = 'SENT') placed
where d.id = placed.id;

insert into feed_position (organisation, recipient, last_position)
select organisation, coalesce(staff_user_id, staff_user_name), max(feed_position)
from delivery where feed_position is not null
group by organisation, coalesce(staff_user_id, staff_user_name);

create unique index delivery_by_feed_position
    on delivery (organisation, coalesce(staff_user_id, staff_user_name), feed_position)
    where feed_position is not null;
