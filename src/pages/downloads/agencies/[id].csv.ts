/** An agency's figures as tidy CSV, made from its JSON download (src/lib/site/agency-csv.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { agencyCsv } from '../../../lib/site/agency-csv.ts';
import { siteData } from '../../../lib/site/site-data.ts';
import { notFound } from '../../../lib/site/route-params.ts';

export const getStaticPaths = (() =>
  siteData().index.agencies.map((a) => ({ params: { id: a.id }, props: { id: a.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const agency = siteData().findAgency(params.id ?? '');
  if (!agency) return notFound();
  return new Response(agencyCsv(siteData(), agency.id), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
