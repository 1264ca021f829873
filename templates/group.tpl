{{%AUTOESCAPE context="HTML"}}
<h1>{{NAME}}</h1>
<p><a href="/admin/groups">All groups</a></p>
{{#ADDED}}<p class="notice" role="status" id="notice">The group has been added. Add its members below.</p>{{/ADDED}}
{{#SAVED}}<p class="notice" role="status" id="notice">Your changes have been saved.</p>{{/SAVED}}
{{#HAS_ERRORS}}<p class="form-error" role="alert">Nothing was saved; please correct what is marked below.</p>{{/HAS_ERRORS}}
<h2 id="members-heading">Members</h2>
{{#NO_MEMBERS}}<p id="no-members">Nobody is in this group yet.</p>{{/NO_MEMBERS}}
<ul class="members" aria-labelledby="members-heading">
{{#MEMBER}}<li class="member"><span class="name">{{DISPLAY_NAME}}</span> (<span class="login">{{LOGIN}}</span>)
<form class="inline" method="post" action="/admin/groups/{{GROUP_ID}}/members/{{ID}}/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button danger" type="submit">Take out<span class="visually-hidden"> {{DISPLAY_NAME}}</span></button></form></li>
{{/MEMBER}}</ul>
{{#JOIN}}<form class="form" method="post" action="/admin/groups/{{ID}}/members" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="login">Add a person by login</label>
<input type="text" id="login" name="login" value="{{LOGIN}}" maxlength="64" required{{#ERR_LOGIN}} aria-invalid="true" aria-describedby="login-error" autofocus{{/ERR_LOGIN}}>
{{#ERR_LOGIN}}<p class="field-error" id="login-error">{{MESSAGE}}</p>{{/ERR_LOGIN}}</div>
<button class="button" type="submit">Add</button>
</form>{{/JOIN}}
<h2 id="rooms-heading">Rooms that name it</h2>
{{#UNUSED}}<p id="unused">No room's policy names this group.</p>{{/UNUSED}}
{{#USED}}<ul class="rooms" aria-labelledby="rooms-heading">
{{#ROOM}}<li><a href="/rooms/{{ID}}">{{NAME}}</a>{{#APPROVES}} · decides its requests{{/APPROVES}}{{#BOOKS}} · may book it{{/BOOKS}}</li>
{{/ROOM}}</ul>{{/USED}}
{{#RENAME}}<form class="form" method="post" action="/admin/groups/{{ID}}" novalidate aria-labelledby="rename-heading">
<h2 id="rename-heading">Name and purpose</h2>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="name">Name</label>
<input type="text" id="name" name="name" value="{{NAME}}" maxlength="100" required{{#ERR_NAME}} aria-invalid="true" aria-describedby="name-error" autofocus{{/ERR_NAME}}>
{{#ERR_NAME}}<p class="field-error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}</div>
<div class="field"><label for="description">What it is for</label>
<input type="text" id="description" name="description" value="{{DESCRIPTION}}" maxlength="500">
{{#ERR_DESCRIPTION}}<p class="field-error" id="description-error">{{MESSAGE}}</p>{{/ERR_DESCRIPTION}}</div>
<button class="button" type="submit">Save</button>
</form>{{/RENAME}}
{{#UNUSED}}<form method="post" action="/admin/groups/{{ID}}/delete"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button danger" type="submit" id="delete-group">Delete the group</button></form>{{/UNUSED}}
