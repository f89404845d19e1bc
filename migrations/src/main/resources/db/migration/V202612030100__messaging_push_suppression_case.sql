-- Push device tokens are case-sensitive (FCM's are): the suppression list now keeps a push token as
-- it is and lower-cases only email addresses (Suppressions.normalise). Push suppressions written
-- before were lower-cased, so they would no longer match their token: each gets its token's case
-- back from the workspace's device it was lower-cased from. A suppressed token that no device has
-- any more stays as it was.
UPDATE messaging_suppression s
  JOIN people_device d
    ON d.workspace_id = s.workspace_id AND LOWER(d.token) = s.address
   SET s.address = d.token
 WHERE s.channel = 'push'
   AND d.token <> s.address;
