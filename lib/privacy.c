/* privacy: what a reader may see of someone else's booking. */
#include "app.h"
#include "i18n.h"
#include "privacy.h"
#include "user.h"

const char *
privacy_title(const char *lang, int whole, const char *title,
    int private_booking)
{
	return whole || !private_booking ? title :
	    i18n_text(lang, "Private booking");
}

void
privacy_seen(const struct req *r, long long owner_id, const char *owner_name,
    const char *title, int private_booking, struct booking_seen *out)
{
	out->whole = r->user != NULL && user_may_act_for(r->user, owner_id);
	out->title = privacy_title(r->lang, out->whole, title, private_booking);
	out->owner = out->whole || r->app->cfg->show_owner ? owner_name : NULL;
}
