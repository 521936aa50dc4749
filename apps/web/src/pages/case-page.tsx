import { PageTitle } from '../components/page';

export function CasePage() {
  return <PageTitle title="Sag">Sag</PageTitle>;
}
