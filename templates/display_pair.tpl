{{%AUTOESCAPE context="HTML"}}
<h1>Pair this screen</h1>
<p>This link makes this screen the door display of one room: it will show the room's day, take walk-ins and check people in. Open it on the tablet by the room's door. It works once, for {{HOURS}} hours after it was made.</p>
<form method="post" action="/display/pair/{{TOKEN}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button class="button" type="submit">Pair this screen</button>
</form>
