/* roombook: a door display keeps itself current.  Every data-poll
   seconds it asks its room's state with the ETag it shows; a 304 costs
   the server one small query, a 200 brings the new screen.  Without
   scripts the page reloads itself (its <noscript> refresh). */
"use strict";

function keepCurrent() {
	let door = document.getElementById("door");
	if (!door)
		return;
	const url = "/display/rooms/" + door.dataset.room + "/state";
	const seconds = Math.max(5, parseInt(door.dataset.poll, 10) || 15);
	let etag = door.dataset.etag;

	function swapIn(html) {
		const next = new DOMParser().parseFromString(html, "text/html")
		    .getElementById("door");
		if (next) {
			door.replaceWith(next);
			door = next;
		}
	}

	function poll() {
		fetch(url, { cache: "no-store", credentials: "same-origin",
		    headers: etag ? { "If-None-Match": etag } : {} })
			.then((resp) => {
				if (resp.status === 200) {
					etag = resp.headers.get("ETag");
					return resp.json().then((s) => swapIn(s.html));
				}
				/* Revoked or unpaired: the page says so. */
				if (resp.status === 401 || resp.status === 403)
					location.reload();
				return null;
			})
			.catch(() => null)
			.then(() => setTimeout(poll, seconds * 1000));
	}
	setTimeout(poll, seconds * 1000);
}

document.addEventListener("DOMContentLoaded", keepCurrent);
