import type { Movie } from '../../core/index.ts';

/** A small catalog of well-known films, MovieLens style ("Matrix, The"), for the web fixtures. */
const ROWS: [number, string, number, string][] = [
  [1, 'Toy Story', 1995, 'Adventure|Animation|Children|Comedy|Fantasy'],
  [2, 'Heat', 1995, 'Action|Crime|Thriller'],
  [3, 'Seven (a.k.a. Se7en)', 1995, 'Mystery|Thriller'],
  [4, 'Usual Suspects, The', 1995, 'Crime|Mystery|Thriller'],
  [5, 'Pulp Fiction', 1994, 'Comedy|Crime|Drama|Thriller'],
  [6, 'Shawshank Redemption, The', 1994, 'Crime|Drama'],
  [7, 'Forrest Gump', 1994, 'Comedy|Drama|Romance|War'],
  [8, 'Jurassic Park', 1993, 'Action|Adventure|Sci-Fi|Thriller'],
  [9, 'Silence of the Lambs, The', 1991, 'Crime|Horror|Thriller'],
  [10, 'Matrix, The', 1999, 'Action|Sci-Fi|Thriller'],
  [11, 'Fight Club', 1999, 'Action|Crime|Drama|Thriller'],
  [12, 'Star Wars: Episode IV - A New Hope', 1977, 'Action|Adventure|Sci-Fi'],
  [13, 'Alien', 1979, 'Horror|Sci-Fi'],
  [14, 'Blade Runner', 1982, 'Action|Sci-Fi|Thriller'],
  [15, 'Spirited Away (Sen to Chihiro no kamikakushi)', 2001, 'Adventure|Animation|Fantasy'],
  [16, "Amelie (Fabuleux destin d'Amélie Poulain, Le)", 2001, 'Comedy|Romance'],
  [17, 'Lord of the Rings: The Fellowship of the Ring, The', 2001, 'Adventure|Fantasy'],
  [18, 'Eternal Sunshine of the Spotless Mind', 2004, 'Drama|Romance|Sci-Fi'],
  [19, 'Dark Knight, The', 2008, 'Action|Crime|Drama|IMAX'],
  [20, 'WALL·E', 2008, 'Adventure|Animation|Children|Romance|Sci-Fi'],
  [21, 'Inception', 2010, 'Action|Crime|Drama|Mystery|Sci-Fi|Thriller|IMAX'],
  [22, 'Grand Budapest Hotel, The', 2014, 'Comedy|Drama'],
  [23, 'Mad Max: Fury Road', 2015, 'Action|Adventure|Sci-Fi|Thriller'],
  [24, 'Arrival', 2016, 'Sci-Fi'],
  [25, 'Get Out', 2017, 'Horror'],
  [26, 'Parasite', 2019, 'Comedy|Drama'],
  [27, 'Moon', 2009, 'Drama|Mystery|Sci-Fi|Thriller'],
  [28, 'Coherence', 2013, 'Drama|Mystery|Sci-Fi|Thriller'],
  [29, 'Primer', 2004, 'Drama|Sci-Fi'],
  [30, 'Paddington 2', 2017, 'Adventure|Animation|Children|Comedy'],
  [31, 'Cats', 2019, 'Comedy|Fantasy|Musical'],
  [32, 'Mamma Mia!', 2008, 'Comedy|Musical|Romance'],
  [33, 'Before Sunrise', 1995, 'Drama|Romance'],
  [34, 'Princess Mononoke (Mononoke-hime)', 1997, 'Action|Adventure|Animation|Drama|Fantasy'],
  [35, 'Hunt for the Wilderpeople', 2016, 'Adventure|Comedy|Drama'],
  [36, 'Whiplash', 2014, 'Drama'],
];

/** Popularity (positive MovieLens ratings): the little-known ones make hidden gems. */
export const DEMO_POPULARITY = new Map(ROWS.map(([id]) => [id, [27, 28, 29, 35].includes(id) ? 5 + id : 300 + ((id * 37) % 200)]));

export const DEMO_MOVIES: Movie[] = ROWS.map(([id, title, year, genres]) => ({ id, title, year, genres: genres.split('|'), imdbId: null, tmdbId: 1000 + id }));

/** Strings that would run script if a page ever printed them raw. */
export const XSS = [
  '<script>alert("xss")</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(2)>",
  '</title><script>alert(3)</script>',
  '<a href="javascript:alert(4)">x</a>',
  '{{constructor.constructor("alert(5)")()}}',
];

export const XSS_MOVIES: Movie[] = XSS.map((title, i) => ({
  id: 100 + i,
  title,
  year: 2000 + i,
  genres: i % 2 ? ['Drama', XSS[(i + 1) % XSS.length]!] : ['Sci-Fi'],
  imdbId: null,
  tmdbId: null,
}));
