{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · {{SITE_NAME}}</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<script src="/static/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<a class="brand" href="/"{{#CUR_HOME}} aria-current="page"{{/CUR_HOME}}>{{SITE_NAME}}</a>
<button class="menu-button" type="button" aria-expanded="false" aria-controls="main-nav" hidden>Menu{{#UNREAD}} <span class="count" aria-label="{{COUNT}} unread">{{COUNT}}</span>{{/UNREAD}}</button>
<nav aria-label="Main" id="main-nav">
<ul>
<li><a href="/status/day"{{#CUR_DAY}} aria-current="page"{{/CUR_DAY}}>Rooms by day</a></li>
<li><a href="/bookings/new"{{#CUR_BOOK}} aria-current="page"{{/CUR_BOOK}}>Book a room</a></li>
<li><a href="/rooms/find"{{#CUR_FIND}} aria-current="page"{{/CUR_FIND}}>Find a room</a></li>
<li><a href="/bookings"{{#CUR_MINE}} aria-current="page"{{/CUR_MINE}}>My bookings</a></li>
<li><a href="/rooms"{{#CUR_ROOMS}} aria-current="page"{{/CUR_ROOMS}}>Rooms</a></li>
<li><a href="/status"{{#CUR_STATUS}} aria-current="page"{{/CUR_STATUS}}>Status</a></li>
{{#NOTIFICATIONS_NAV}}<li><a href="/notifications"{{#CUR_NOTES}} aria-current="page"{{/CUR_NOTES}}>Notifications{{#UNREAD}} <span class="count" aria-label="{{COUNT}} unread">{{COUNT}}</span>{{/UNREAD}}</a></li>{{/NOTIFICATIONS_NAV}}
{{#DECIDER_NAV}}<li><a href="/admin/approvals"{{#CUR_QUEUE}} aria-current="page"{{/CUR_QUEUE}}>Approvals{{#WAITING}} <span class="count" aria-label="{{COUNT}} waiting">{{COUNT}}</span>{{/WAITING}}</a></li>{{/DECIDER_NAV}}
{{#ADMIN_NAV}}<li><a href="/admin"{{#CUR_ADMIN}} aria-current="page"{{/CUR_ADMIN}}>Admin</a></li>{{/ADMIN_NAV}}
</ul>
</nav>
<div class="who">
{{#USER}}<a class="me" href="/account"{{#CUR_ACCOUNT}} aria-current="page"{{/CUR_ACCOUNT}} title="Your account">{{USER_NAME}}</a>
<form class="logout" method="post" action="/logout"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Log out</button></form>{{/USER}}
{{#ANONYMOUS}}<a class="login" href="/login">Log in</a>{{/ANONYMOUS}}
</div>
</header>
<main id="main"{{#WIDE}} class="wide"{{/WIDE}}>
{{#OWN_ZONE}}<p class="zone" id="zone-note">Times are shown in your time zone, {{ZONE}}.</p>{{/OWN_ZONE}}
{{#SITE_ZONE}}<p class="zone" id="zone-note">Times on this page are in the site's time zone, {{ZONE}}.</p>{{/SITE_ZONE}}
{{#AS_OF}}<p class="as-of" id="as-of" role="status">Shown as of {{TIME}}: changes made since then are still on their way here.</p>{{/AS_OF}}
{{>CONTENT}}
</main>
<footer class="site">
<p>{{SITE_NAME}} · meeting rooms for everyone</p>
</footer>
</body>
</html>
