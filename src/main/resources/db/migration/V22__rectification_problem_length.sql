-- An item's problem is "问题N：" followed by the problem as registered, which may hold up to 2,000 characters.
alter table pf_rectification_item alter column problem set data type varchar(2100);
