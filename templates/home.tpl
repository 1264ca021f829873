{{%AUTOESCAPE context="HTML"}}
<section class="hero">
<h1>Book a meeting room</h1>
<p>Pick a room and a time; an administrator confirms your request.</p>
<p><a class="button" href="/status/day">See free rooms by day</a> <a href="/bookings/new">or fill in a booking form</a></p>
</section>
<section aria-labelledby="today">
<h2 id="today">Today</h2>
<ul class="figures">
<li><span class="figure" id="rooms-available">{{ROOMS_AVAILABLE}}</span> of <span id="rooms-total">{{ROOMS}}</span> rooms available</li>
<li><span class="figure" id="bookings-today">{{BOOKINGS_TODAY}}</span> bookings today</li>
<li><span class="figure" id="pending">{{PENDING}}</span> requests awaiting approval</li>
</ul>
</section>
<section aria-labelledby="more">
<h2 id="more">Where to go</h2>
<ul class="cards">
<li><a href="/rooms"><strong>Rooms</strong><span>Capacity, location and availability of every room</span></a></li>
<li><a href="/status"><strong>Status</strong><span>Who booked what, and whether it is confirmed</span></a></li>
<li><a href="/bookings"><strong>My bookings</strong><span>Your requests and their state</span></a></li>
</ul>
</section>
