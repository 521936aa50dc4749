import { PageTitle } from '../components/page';

export function AuditPage() {
  return <PageTitle title="Revisionslog">Revisionslog</PageTitle>;
}
