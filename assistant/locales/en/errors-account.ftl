# Refusals of the account commands, household look-ups and catalog files
# (assistant/shop/accounts.py, household.py, history.py, controls.py, catalog_file.py, typed_text.py).
# A catalog message starts with where: "{ $path }: line { $line }, field '{ $field }': ".

-card-number = looks like a card number (13 or more digits, counting digits kept apart by spaces, dots, dashes or underscores); only the payment processor's token and the card's last four digits are kept (not a card number? put a word or a comma between the numbers)
-make-household = create one with `jangbogi household create` or `demo init`

error-typed-card-number =
    { $what ->
        [household-name] the household name
        [owner-name] the owner's name
        [time-zone] the time zone
        [member-name] the member's name
       *[other] { $what }
    } { -card-number }; nothing was stored
error-typed-hidden-character =
    { $what ->
        [household-name] the household name
        [owner-name] the owner's name
        [time-zone] the time zone
        [member-name] the member's name
       *[other] { $what }
    } contains an invisible or control character, { $codepoint } ({ $char ->
        [tab] a tab
        [line-break] a line break
        [nul] NUL
        [not-utf8] a byte that is not UTF-8 text
        [control] a control character
       *[other] { $char }
    }), at character { $position }; retype it without that character; nothing was stored
error-no-household = no household yet; { -make-household }
error-household-not-found = no household called '{ $name }'; { -make-household }
error-household-names = a household needs a name and an owner (1 to { $most } characters each)
error-household-exists = a household called '{ $name }' already exists
error-unknown-time-zone = unknown time zone '{ $zone }'
error-member-not-found = no member called '{ $name }' in '{ $household }'
error-no-such-member = no member called '{ $name }'; see `jangbogi demo init`
error-member-ambiguous = several households have a member called '{ $name }'
error-no-owner = '{ $household }' has no owner; say { $option } NAME
error-member-name = a member needs a name of 1 to { $most } characters
error-member-exists = '{ $household }' already has a member called '{ $name }'
error-only-owner = '{ $name }' is the only owner of '{ $household }'
error-member-has-history = '{ $name }' has orders or subscriptions; they are kept, so the member is too
error-limit-range =
    { $which ->
        [per-order] the per-order limit
       *[per-day] the per-day limit
    } must be between 1 and { WON($most) } (or 'none')
error-setting-range = { $name } must be between { NUMBER($low, useGrouping: "true") } and { NUMBER($high, useGrouping: "true") }
error-card-token-format = the token must be 6-128 letters, digits or _ : . -
error-card-last4-format = --last4 must be exactly four digits
error-card-label-length = --label must be at most { $most } characters
error-card-token-taken = this card token is already registered
error-card-not-found = no card { $payment_id } in '{ $household }'
error-address-format = an address needs a label (1-{ $most_label } characters) and a detail (<= { $most_detail })
error-address-not-found = no address { $address_id } in '{ $household }'
error-join-adults-only = Sorry, only an adult can do that.
error-pin-format = the PIN must be exactly 4 digits (0-9)
error-pins-differ = the two PINs differ; nothing changed
error-password-format = a password must be { $least } to { $most } characters, without control characters; nothing changed
error-passwords-differ = the two passwords differ; nothing changed
error-password-on-command-line = a password is never taken from the command line (it would stay in the shell's history); type it when asked, or pipe it on stdin; nothing changed
error-sign-in-failed = the name or the password is not right
error-sign-in-locked = too many wrong passwords: signing in as this member is locked until { $until_local } ({ $minutes } minutes)
error-advance-which = name the orders to move along, or say --all

error-catalog-card-number = { $path }: line { $line }, field '{ $field }': { -card-number }
error-catalog-hidden-character =
    { $path }: line { $line }, field '{ $field }': contains an invisible or control character, { $codepoint } ({ $char ->
        [tab] a tab
        [line-break] a line break
        [nul] NUL
        [not-utf8] a byte that is not UTF-8 text
        [control] a control character
       *[other] { $char }
    }), at character { $position }; retype it without that character
error-catalog-empty-field = { $path }: line { $line }, field '{ $field }': must not be empty
error-catalog-text-too-long = { $path }: line { $line }, field '{ $field }': longer than { $most } characters
error-catalog-not-a-number = { $path }: line { $line }, field '{ $field }': expected a whole number, got '{ $value }'
error-catalog-number-range = { $path }: line { $line }, field '{ $field }': { $number } is outside { $low }..{ $high }
error-catalog-bad-sku = { $path }: line { $line }, field '{ $field }': '{ $value }' is not like DAI-001
error-catalog-bad-unit = { $path }: line { $line }, field '{ $field }': '{ $value }' is not a counting word ({ $units })
error-catalog-bad-size = { $path }: line { $line }, field '{ $field }': '{ $value }' is not like 1L, 30구 or 2kg
error-catalog-empty-alias = { $path }: line { $line }, field '{ $field }': empty alias between '|' separators
error-catalog-member-price = { $path }: line { $line }, field '{ $field }': { $member_price } is higher than the price { $price }
error-catalog-bad-rating = { $path }: line { $line }, field '{ $field }': '{ $value }' is not a rating 0.0..5.0
error-catalog-file-too-large = { $path }: line { $line }, field '{ $field }': larger than { $megabytes } MB; is it a catalog?
error-catalog-no-file = { $path }: line { $line }, field '{ $field }': no such file
error-catalog-is-directory = { $path }: line { $line }, field '{ $field }': is a directory
error-catalog-not-utf8 = { $path }: line { $line }, field '{ $field }': not UTF-8 text
error-catalog-unreadable = { $path }: line { $line }, field '{ $field }': { $reason }
error-catalog-line-too-long = { $path }: line { $line }, field '{ $field }': the line is { NUMBER($length, useGrouping: "true") } characters long; a catalog line may hold at most { NUMBER($most, useGrouping: "true") } (each field at most { $most_field })
error-catalog-empty-file = { $path }: line { $line }, field '{ $field }': the file is empty
error-catalog-not-csv = { $path }: line { $line }, field '{ $field }': not valid CSV: { $reason }
error-catalog-open-quote = { $path }: line { $line }, field '{ $field }': a quoted field runs over a line break; close the quote
error-catalog-missing-columns = { $path }: line { $line }, field '{ $field }': missing { $missing }; expected { $expected }
error-catalog-column-order = { $path }: line { $line }, field '{ $field }': columns out of order or extra; expected { $expected }
error-catalog-field-count = { $path }: line { $line }, field '{ $field }': expected { $expected } fields, found { $found }
error-catalog-duplicate-sku = { $path }: line { $line }, field '{ $field }': { $sku } already used on line { $first_line }
error-catalog-duplicate-name = { $path }: line { $line }, field '{ $field }': same name and size as line { $first_line }
error-catalog-no-products = { $path }: line { $line }, field '{ $field }': the file has a header but no products
