import { PageTitle } from '../components/page';

export function AlertsPage() {
  return <PageTitle title="Advarsler">Advarsler</PageTitle>;
}
