import { html } from './html.ts';
import { layout, type LayoutAssets } from './layout.ts';
import { getYourOwn } from './list.view.ts';

/** Friendly pages for a missing link, too many requests and our own failures. */
export function errorPage(status: number, assets: LayoutAssets): string {
  const text =
    status === 404
      ? { title: 'Nothing here', lede: 'This link is unknown, was replaced by a newer one, or its page was turned off.' }
      : status === 429
        ? { title: 'Slow down a little', lede: 'Too many requests from your address. Try again in a minute.' }
        : status >= 500
          ? { title: 'Something went wrong', lede: 'Something went wrong on our side. Try again in a moment.' }
          : { title: 'That did not work', lede: 'The request could not be handled.' };
  return layout(
    { title: `${text.title} · Moviebot`, description: text.lede },
    assets,
    html`<section class="error-page" aria-labelledby="page-title"><p class="code" aria-hidden="true">${status}</p><h1 id="page-title">${text.title}</h1><p class="lede">${text.lede}</p><p><a href="/">Go to the Moviebot home page</a></p></section>`,
  ).value;
}

export function homePage(inviteUrl: string | null, assets: LayoutAssets): string {
  return layout(
    {
      title: 'Moviebot: movie recommendations for your Discord or Telegram',
      description: 'Add favourites, get recommendations that say why, and see what your server likes to watch.',
    },
    assets,
    html`<section class="hero" aria-labelledby="page-title">
  <p class="eyebrow">Open-source movie bot</p>
  <h1 id="page-title">Movie nights your whole server agrees on</h1>
  <p class="lede">Add a few favourites, thumb picks up or down, and Moviebot recommends what to watch next, for you and for the group. Share your list with one link.</p>
  ${inviteUrl ? getYourOwn(inviteUrl) : html`<p class="lede">Run your own: <code>npx moviebot start</code></p>`}
</section>`,
  ).value;
}
