{{%AUTOESCAPE context="HTML"}}
<h1>Pair the door display “{{DISPLAY_NAME}}”</h1>
<p>Open this link on the tablet by the room's door, and press its button. It works once, within {{HOURS}} hours; it is not shown again.</p>
<p class="pairing-link"><code id="pairing-link">{{LINK}}</code></p>
<p>The tablet then keeps a credential of its own: it shows this room's day and nothing else, takes walk-ins and checks people in, until you revoke it on <a href="/rooms/{{ROOM_ID}}#displays">the room's page</a>.</p>
