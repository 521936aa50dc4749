import { PageTitle } from '../components/page';

export function TaskPage() {
  return <PageTitle title="Opgave">Opgave</PageTitle>;
}
