/* roombook: small helps for the pages; every page works without them. */
"use strict";

/* At phone width the header is one line: the main navigation and who is
   logged in fold behind a menu button. */
function foldTheHeader() {
	const header = document.querySelector("header.site");
	const button = header && header.querySelector(".menu-button");
	if (!button)
		return;
	document.documentElement.classList.add("js");
	button.hidden = false;
	button.addEventListener("click", () => {
		const open = header.classList.toggle("open");
		button.setAttribute("aria-expanded", open ? "true" : "false");
	});
	document.addEventListener("keydown", (e) => {
		if (e.key === "Escape" && header.classList.contains("open")) {
			header.classList.remove("open");
			button.setAttribute("aria-expanded", "false");
			button.focus();
		}
	});
}

/* A grid's links: one tab stop per row (the first free slot, or the
   last one focused), the arrow keys between the slots of a row and to
   the nearest slot of the rows above and below, Home and End. */
function moveByArrows(grid) {
	const rows = Array.from(grid.querySelectorAll("tbody tr"))
		.map((tr) => Array.from(tr.querySelectorAll("td a")))
		.filter((links) => links.length > 0);
	if (rows.length === 0)
		return;
	rows.forEach((links) => links.forEach((a, i) => { a.tabIndex = i === 0 ? 0 : -1; }));
	const where = new Map();
	rows.forEach((links, r) => links.forEach((a, i) => where.set(a, [r, i])));
	const centre = (a) => { const b = a.getBoundingClientRect(); return b.left + b.width / 2; };
	const nearest = (links, x) => links.reduce((best, a) =>
		Math.abs(centre(a) - x) < Math.abs(centre(best) - x) ? a : best);
	const go = (from, to) => {
		if (!to || to === from)
			return;
		/* Each row keeps one stop: the one left in a row moving within
		   it, the target row's old one moving to another row. */
		const target = rows[where.get(to)[0]];
		if (target === rows[where.get(from)[0]])
			from.tabIndex = -1;
		else
			target.forEach((a) => { a.tabIndex = -1; });
		to.tabIndex = 0;
		to.focus();
		to.scrollIntoView({ block: "nearest", inline: "nearest" });
	};
	grid.addEventListener("keydown", (e) => {
		const at = where.get(e.target);
		if (!at)
			return;
		const [r, i] = at, links = rows[r];
		let to = null;
		switch (e.key) {
		case "ArrowRight": to = links[i + 1]; break;
		case "ArrowLeft": to = links[i - 1]; break;
		case "Home": to = links[0]; break;
		case "End": to = links[links.length - 1]; break;
		case "ArrowDown": to = rows[r + 1] && nearest(rows[r + 1], centre(e.target)); break;
		case "ArrowUp": to = rows[r - 1] && nearest(rows[r - 1], centre(e.target)); break;
		default: return;
		}
		e.preventDefault();
		go(e.target, to);
	});
	const keys = document.getElementById("grid-keys");
	if (keys)
		keys.hidden = false;
}

/* The day grid's free slots are written as briefly as its thousands of
   cells need: a "+" in the room's row under the time's column, which a
   screen reader announces from the table's headers.  Named here in full
   as well ("Book Room 7, Monday 7 December, 14:00"), so that a list of
   the page's links tells them apart. */
function nameTheSlots(grid) {
	const said = (e) => e ? e.textContent.trim() : "";
	const book = said(document.getElementById("bk")), day = said(document.getElementById("dt"));
	const times = Array.from(grid.querySelectorAll("thead th.slot"))
		.map((th) => said(th.querySelector(".visually-hidden")));
	grid.querySelectorAll("tbody tr").forEach((tr) => {
		const room = tr.querySelector("th a");
		let column = 0;
		tr.querySelectorAll("td").forEach((td) => {
			const a = td.firstElementChild;
			if (!td.className && a && a.tagName === "A")
				a.setAttribute("aria-label", `${book} ${room ? room.textContent : ""}, ${day} ${times[column] || ""}`);
			column += td.colSpan || 1;
		});
	});
}

/* Enter in the person picker's search field finds people, as its button
   does; without this it sends the whole form, as Enter does anywhere. */
function findOnEnter() {
	const field = document.getElementById("find");
	const button = document.getElementById("find-button");
	if (!field || !button)
		return;
	field.addEventListener("keydown", (e) => {
		if (e.key === "Enter") {
			e.preventDefault();
			button.click();
		}
	});
}

document.addEventListener("DOMContentLoaded", () => {
	foldTheHeader();
	findOnEnter();
	document.querySelectorAll("table.day-grid").forEach(nameTheSlots);
	document.querySelectorAll("table.day-grid").forEach(moveByArrows);
});
