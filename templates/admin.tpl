{{%AUTOESCAPE context="HTML"}}
<h1>Administration</h1>
<ul class="cards">
<li><a href="/admin/approvals"><strong>Approvals</strong><span>Booking requests waiting for a decision</span></a></li>
<li><a href="/rooms"><strong>Rooms</strong><span>Add rooms, edit them, take them out of use</span></a></li>
<li><a href="/admin/buildings"><strong>Buildings</strong><span>Buildings and their floors, where rooms are</span></a></li>
<li><a href="/admin/features"><strong>Equipment</strong><span>The list of equipment and features rooms have</span></a></li>
<li><a href="/admin/groups"><strong>Groups</strong><span>Groups of people who decide a room's requests or may book it</span></a></li>
<li><a href="/status"><strong>Status</strong><span>Every booking and its state</span></a></li>
</ul>
<h2 id="users">People</h2>
<p>Accounts are managed by operators with <code>roomctl user</code> (add, passwd, disable, enable, list).</p>
<div class="table-wrap" role="region" aria-label="People" tabindex="0">
<table class="list" aria-labelledby="users">
<thead><tr><th scope="col">Login</th><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">State</th><th scope="col">Sessions</th></tr></thead>
<tbody>
{{#PERSON}}<tr><td>{{LOGIN}}</td><td>{{NAME}}</td><td>{{EMAIL}}</td><td>{{ROLE}}</td><td>{{STATE}}</td><td>{{SESSIONS}}</td></tr>
{{/PERSON}}
</tbody>
</table>
</div>
