/** An agency's figures as tidy CSV, made from its JSON download (src/lib/site/agency-csv.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { agencyCsv } from '../../../lib/site/agency-csv.ts';
import { siteData } from '../../../lib/site/site-data.ts';

export const getStaticPaths = (() => siteData().index.agencies.map((a) => ({ params: { id: a.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(agencyCsv(siteData(), params.id ?? ''), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
